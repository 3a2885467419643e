"""Answering, conversations, the course and the learning coach (built on knowledge_base and guardrails)."""

from coach.answering import Answer, Coach, Generator
from coach.citations import Citation
from coach.conversations import Conversation, ConversationFull, ConversationNotFound, ConversationStore, Feedback, Message
from coach.coverage import CoveragePolicy
from coach.extractive_answerer import ComposedAnswer, compose

__all__ = [
    "Answer",
    "Citation",
    "Coach",
    "ComposedAnswer",
    "Conversation",
    "ConversationFull",
    "ConversationNotFound",
    "ConversationStore",
    "CoveragePolicy",
    "Feedback",
    "Generator",
    "Message",
    "compose",
]

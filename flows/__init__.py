"""Prefect flows: tasks over the plain functions of `evidence.pipeline`, with names,
logging, retries and artifacts. Run from the repository root: ``python -m flows.review``
(the main job), ``python -m flows.sync``, ``python -m flows.baseline FOLDER``; schedule with
``python -m flows.deployments``."""

# Sourced by scripts/run, scripts/test and scripts/lock: make .venv and install into it exactly
# what requirements.lock pins (hash-checked), then the project itself, which compiles the
# optional PubMed record builder (setup.py; Cython is in the lock); again only when the lock,
# pyproject.toml, setup.py or a compiled module's source has changed since the last install.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
PY=$(command -v python3.11 || command -v python3)
if [ ! -x .venv/bin/python ]; then
  echo "setting up .venv with $("$PY" --version) (first run only, about a minute)" >&2
  "$PY" -m venv .venv
fi
stamp=.venv/.evidence-installed
want=$(cat requirements.lock pyproject.toml setup.py src/evidence/pubmed/_fast.pyx \
  src/evidence/tagging/_scan.pyx | sha256sum | cut -d' ' -f1)
if [ ! -f "$stamp" ] || [ "$(cat "$stamp")" != "$want" ]; then
  echo "installing the locked packages into .venv (requirements.lock)" >&2
  pip=(.venv/bin/python -m pip --quiet --disable-pip-version-check)
  "${pip[@]}" install --require-hashes --no-deps -r requirements.lock >&2
  "${pip[@]}" install --no-deps --no-build-isolation -e . >&2
  "${pip[@]}" check >&2
  # which PubMed record builder the install gave: "compiled", or "python" without a compiler
  .venv/bin/python -c 'import evidence.pubmed as p; print("PubMed records:", p.parser_path())' >&2
  # and which word-start scan the tagger got: "compiled", or "python" without a compiler
  .venv/bin/python -c 'import evidence.tagging.matching as m; print("Tagger scan:", m.scan_path())' >&2
  echo "$want" > "$stamp"
fi
export PATH="$PWD/.venv/bin:$PATH"
# Prefect runs on its local ephemeral API unless PREFECT_API_URL says otherwise; it has no
# network here to send usage statistics to.
export PREFECT_SERVER_ANALYTICS_ENABLED="${PREFECT_SERVER_ANALYTICS_ENABLED:-false}"

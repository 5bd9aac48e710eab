#!/usr/bin/env bash
# Set up (if needed) and run the main job on the bundled corpus with the embedded defaults.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/dq demo "$@"

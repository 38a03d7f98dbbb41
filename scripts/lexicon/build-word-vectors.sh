#!/usr/bin/env bash
# Rebuilds bot/adapters/search/lexicon-data/word-neighbours.txt.gz (and its provenance file) from Debian packages:
# German text → lotse's own index terms → PPMI + truncated SVD vectors (200 dims) → each term's nearest neighbours.
# Needs: apt-get install python3-numpy python3-scipy libreoffice-help-de debian-reference-de manpages-de \
#        fortunes-de openthesaurus-de-text trans-de-en
# Usage: bash scripts/lexicon/build-word-vectors.sh [WORKDIR]   (about 3 minutes on two cores)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
work=${1:-/tmp/lotse-word-vectors}
data=$root/bot/adapters/search/lexicon-data
mkdir -p "$work"
python3 "$root/scripts/lexicon/word-vector-corpus.py" "$work"
for part in running bags; do npx tsx "$root/scripts/lexicon/tokenize-corpus.ts" "$work/$part.txt" "$work/$part.tok"; done
# Single-threaded BLAS: the same input gives the same file (threads reorder sums and flip near-tied neighbours).
OPENBLAS_NUM_THREADS=1 OMP_NUM_THREADS=1 python3 "$root/scripts/lexicon/train-word-vectors.py" "$work/running.tok" "$work/bags.tok" "$work/vectors.bin.gz" \
  --dim 200 --vocab 40000 --min-count 3 --window 4 --bag-weight 2 --neighbours "$data/word-neighbours.txt.gz" --top 8 --min-sim 0.6
python3 - "$work/sources.json" "$data/word-neighbours.txt.gz" "$data/word-neighbours.json" <<'PY'
import hashlib, json, sys
sources = json.load(open(sys.argv[1]))
digest = hashlib.sha256(open(sys.argv[2], 'rb').read()).hexdigest()
json.dump({'file': 'word-neighbours.txt.gz', 'sha256': digest, 'sources': sources,
           'training': {'method': 'PPMI (context smoothing 0.75) + truncated SVD, U*S^0.5, cosine neighbours',
                        'dim': 200, 'vocabulary': 40000, 'minCount': 3, 'window': 4, 'bagWeight': 2, 'top': 8, 'minSimilarity': 0.6}},
          open(sys.argv[3], 'w'), indent=2)
PY
echo "written: $data/word-neighbours.txt.gz, $data/word-neighbours.json"

#!/usr/bin/env python3
"""Trains lotse's word vectors: positive PMI of term co-occurrence, reduced by truncated SVD, quantised to int8.

Input (from tokenize-corpus.ts): RUNNING.tok (running text: co-occurrence within +-WINDOW terms, weighted 1/distance)
and BAGS.tok (word groups: every pair of terms in a line co-occurs, weight 1/(terms-1) per pair, times BAG_WEIGHT).
Output OUT (gzip): 4-byte little-endian header length, JSON header {format, dim, words, scale}, then
len(words) x dim int8 values (row-normalised vectors times 127). Deterministic for the same input.

Usage: python3 train-word-vectors.py RUNNING.tok BAGS.tok OUT [--dim 64] [--vocab 40000] [--min-count 3]
Needs numpy and scipy (Debian: python3-numpy python3-scipy).
"""
import argparse
import gzip
import json
import struct
from collections import Counter

import numpy as np
import scipy.sparse as sp
from scipy.sparse.linalg import svds

parser = argparse.ArgumentParser()
parser.add_argument('running')
parser.add_argument('bags')
parser.add_argument('out')
parser.add_argument('--dim', type=int, default=64)
parser.add_argument('--vocab', type=int, default=40000)
parser.add_argument('--min-count', type=int, default=3)
parser.add_argument('--window', type=int, default=4)
parser.add_argument('--bag-weight', type=float, default=2.0)
parser.add_argument('--alpha', type=float, default=0.75, help='context distribution smoothing')
parser.add_argument('--power', type=float, default=0.5, help='singular value exponent')
parser.add_argument('--neighbours', help='also write each word\'s nearest neighbours here (gzip text)')
parser.add_argument('--top', type=int, default=12, help='neighbours per word')
parser.add_argument('--min-sim', type=float, default=0.5, help='smallest cosine of a listed neighbour')
args = parser.parse_args()


def read(path):
    with open(path, encoding='utf-8') as handle:
        return [line.split() for line in handle]


running, bags = read(args.running), read(args.bags)
counts = Counter(term for line in running + bags for term in line)
words = sorted((w for w, c in counts.items() if c >= args.min_count and len(w) > 1), key=lambda w: (-counts[w], w))[: args.vocab]
index = {w: i for i, w in enumerate(words)}
print(f'{len(counts)} distinct terms, vocabulary {len(words)}')

rows, cols, vals = [], [], []
for line in running:
    ids = [index.get(t, -1) for t in line]
    for i, a in enumerate(ids):
        if a < 0:
            continue
        for d in range(1, args.window + 1):
            if i + d >= len(ids):
                break
            b = ids[i + d]
            if b >= 0 and b != a:
                rows += [a, b]
                cols += [b, a]
                vals += [1.0 / d, 1.0 / d]
for line in bags:
    ids = sorted({index[t] for t in line if t in index})
    if len(ids) < 2 or len(ids) > 40:
        continue
    w = args.bag_weight / (len(ids) - 1)
    for i, a in enumerate(ids):
        for b in ids[i + 1:]:
            rows += [a, b]
            cols += [b, a]
            vals += [w, w]
n = len(words)
cooc = sp.coo_matrix((np.array(vals, dtype=np.float64), (np.array(rows), np.array(cols))), shape=(n, n)).tocsr()
cooc.sum_duplicates()
print(f'{cooc.nnz} co-occurrence cells')

total = cooc.sum()
row_sum = np.asarray(cooc.sum(axis=1)).ravel()
context = np.asarray(cooc.sum(axis=0)).ravel() ** args.alpha
context /= context.sum()
coo = cooc.tocoo()
pmi = np.log(coo.data * 1.0 / total) - np.log(row_sum[coo.row] / total) - np.log(context[coo.col])
keep = pmi > 0
ppmi = sp.csr_matrix((pmi[keep], (coo.row[keep], coo.col[keep])), shape=(n, n))
u, s, _ = svds(ppmi, k=args.dim, random_state=np.random.RandomState(7), v0=np.full(n, 1.0 / np.sqrt(n)))
order = np.argsort(-s)
vectors = u[:, order] * (s[order] ** args.power)
# Sign of each dimension fixed for determinism; rows normalised; words without any context dropped.
vectors *= np.sign(vectors.sum(axis=0) + 1e-12)
norms = np.linalg.norm(vectors, axis=1)
keep_rows = norms > 1e-9
vectors = vectors[keep_rows] / norms[keep_rows, None]
words = [w for w, k in zip(words, keep_rows) if k]
quantised = np.clip(np.round(vectors * 127), -127, 127).astype(np.int8)
header = json.dumps({'format': 'lotse-word-vectors-v1', 'dim': args.dim, 'scale': 127, 'words': words}, ensure_ascii=False).encode('utf-8')
with open(args.out, 'wb') as raw, gzip.GzipFile(filename='', fileobj=raw, mode='wb', compresslevel=9, mtime=0) as out:
    out.write(struct.pack('<I', len(header)))
    out.write(header)
    out.write(quantised.tobytes())
print(f'{len(words)} words x {args.dim} dims → {args.out}')

if args.neighbours:
    # One line per word: the word, then its nearest neighbours as term:cosine (two decimals), best first.
    lines = [f'#lotse-word-neighbours-v1 dim={args.dim} top={args.top} min={args.min_sim}']
    for start in range(0, len(words), 2048):
        sims = vectors[start:start + 2048] @ vectors.T
        for offset, row in enumerate(sims):
            i = start + offset
            row[i] = -1
            best = np.argpartition(-row, args.top)[: args.top]
            best = sorted(best, key=lambda j: (-row[j], words[j]))
            entries = [f'{words[j]}:{row[j]:.2f}' for j in best if row[j] >= args.min_sim]
            if entries:
                lines.append(words[i] + ' ' + ' '.join(entries))
    with open(args.neighbours, 'wb') as raw, gzip.GzipFile(filename='', fileobj=raw, mode='wb', compresslevel=9, mtime=0) as out:
        out.write(('\n'.join(lines) + '\n').encode('utf-8'))
    print(f'{len(lines) - 1} neighbour lines → {args.neighbours}')

probe = ['urlaub', 'dienstreis', 'kuendig', 'gehalt', 'kindergart', 'auto', 'rechn', 'arzt', 'wohnung', 'chef', 'computer', 'drucker']
pos = {w: i for i, w in enumerate(words)}
for word in probe:
    if word in pos:
        sims = vectors @ vectors[pos[word]]
        best = np.argsort(-sims)[1:9]
        print(word, ' '.join(f'{words[i]}:{sims[i]:.2f}' for i in best))

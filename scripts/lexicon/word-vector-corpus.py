#!/usr/bin/env python3
"""Extracts German training text for the self-trained word vectors from installed Debian packages.

Writes two files into OUT (default /tmp/lotse-word-vectors):
  running.txt  running text, one paragraph per line (co-occurrence within a sliding window)
  bags.txt     word groups, one per line (thesaurus synsets, dictionary entries, words sharing an English
               translation): every word of a line co-occurs with every other
and sources.json (package versions, licences, line counts). Never reads evaluation sets or the county documents.

Usage: python3 scripts/lexicon/word-vector-corpus.py [OUT]
Needs: apt-get install libreoffice-help-de debian-reference-de manpages-de fortunes-de openthesaurus-de-text trans-de-en
"""
import glob
import gzip
import html
import json
import os
import re
import subprocess
import sys
from collections import defaultdict

OUT = sys.argv[1] if len(sys.argv) > 1 else '/tmp/lotse-word-vectors'

SOURCES = {
    'libreoffice-help-de': ('MPL-2.0', '/usr/share/libreoffice/help/de/text/**/*.html'),
    'debian-reference-de': ('GPL-2+', '/usr/share/debian-reference/*.de.html'),
    'manpages-de': ('GPL-3+', '/usr/share/man/de/man*/*.gz'),
    'fortunes-de': ('GPL-2+', '/usr/share/games/fortunes/de/*.u8'),
    'openthesaurus-de-text': ('LGPL-2.1+', '/usr/share/openthesaurus-de/openthesaurus.txt'),
    'trans-de-en': ('GPL-2+', '/usr/share/trans/de-en'),
}

BLOCK = re.compile(r'</?(p|li|h[1-6]|td|th|div|pre|dt|dd|br|tr|title)\b[^>]*>', re.I)
TAG = re.compile(r'<[^>]+>')
SCRIPT = re.compile(r'<(script|style)\b.*?</\1>', re.S | re.I)
SPACE = re.compile(r'\s+')


def version(package):
    return subprocess.run(['dpkg-query', '-W', '-f=${Version}', package], capture_output=True, text=True).stdout


def html_paragraphs(path):
    text = open(path, encoding='utf-8', errors='replace').read()
    text = BLOCK.sub('\n', SCRIPT.sub(' ', text))
    for line in TAG.sub(' ', text).split('\n'):
        line = SPACE.sub(' ', html.unescape(line)).strip()
        if len(line.split()) >= 3:
            yield line


GROFF_ESCAPE = re.compile(r'\\f(\[[^]]*\]|\(..|.)|\\[(*](..)|\\\[[^]]*\]|\\[-&e|^~0 ]|\\s[-+]?\d+|\\\*\(..|\\\*.|\\.')


def man_paragraphs(path):
    raw = gzip.open(path, 'rt', encoding='utf-8', errors='replace').read()
    paragraph = []
    for line in raw.split('\n'):
        if line.startswith(('.', "'")):
            macro, _, rest = line.partition(' ')
            if macro in ('.SH', '.SS', '.PP', '.P', '.LP', '.TP', '.IP', '.br', '.sp') and paragraph:
                yield ' '.join(paragraph)
                paragraph = []
            if macro in ('.B', '.I', '.BR', '.IR', '.RB', '.RI', '.BI', '.IB', '.SH', '.SS'):
                line = rest.replace('"', '')
            else:
                continue
        line = SPACE.sub(' ', GROFF_ESCAPE.sub(lambda m: '-' if m.group(0) == '\\-' else ' ', line)).strip()
        if line:
            paragraph.append(line)
    if paragraph:
        yield ' '.join(paragraph)


def fortune_paragraphs(path):
    for entry in open(path, encoding='utf-8', errors='replace').read().split('\n%\n'):
        entry = SPACE.sub(' ', entry).strip()
        if len(entry.split()) >= 3:
            yield entry


LABEL = re.compile(r'\([^)]*\)|\[[^]]*\]|\{[^}]*\}')


def thesaurus_bags(path):
    for line in open(path, encoding='utf-8'):
        if line.startswith('#'):
            continue
        words = [SPACE.sub(' ', LABEL.sub(' ', entry)).strip() for entry in line.strip().split(';')]
        words = [word for word in words if word]
        if 2 <= len(words) <= 40:
            yield ' ; '.join(words)


def ding_bags(path):
    """Each entry's German side is a bag; German entries that share an English translation form another bag."""
    by_english = defaultdict(set)
    for line in open(path, encoding='utf-8', errors='replace'):
        if line.startswith('#') or '::' not in line:
            continue
        german, english = line.rstrip('\n').split('::', 1)
        german_words = [SPACE.sub(' ', LABEL.sub(' ', part)).strip() for part in re.split(r'[;|]', german)]
        german_words = [word for word in german_words if word]
        if german_words:
            yield ' ; '.join(dict.fromkeys(german_words))
        first = SPACE.sub(' ', LABEL.sub(' ', german.split('|')[0].split(';')[0])).strip()
        for gloss in english.split('|')[0].split(';'):
            gloss = SPACE.sub(' ', LABEL.sub(' ', gloss)).strip().lower()
            if first and gloss and len(first.split()) <= 3:
                by_english[gloss].add(first)
    for gloss in sorted(by_english):
        words = sorted(by_english[gloss])
        if 2 <= len(words) <= 12:
            yield ' ; '.join(words)


def main():
    os.makedirs(OUT, exist_ok=True)
    report = {}
    with open(f'{OUT}/running.txt', 'w', encoding='utf-8') as running, open(f'{OUT}/bags.txt', 'w', encoding='utf-8') as bags:
        for package, (licence, pattern) in SOURCES.items():
            files = sorted(glob.glob(pattern, recursive=True))
            lines = 0
            for path in files:
                if package in ('libreoffice-help-de', 'debian-reference-de'):
                    out, items = running, html_paragraphs(path)
                elif package == 'manpages-de':
                    out, items = running, man_paragraphs(path)
                elif package == 'fortunes-de':
                    out, items = running, fortune_paragraphs(path)
                elif package == 'openthesaurus-de-text':
                    out, items = bags, thesaurus_bags(path)
                else:
                    out, items = bags, ding_bags(path)
                for item in items:
                    out.write(item.replace('\n', ' ') + '\n')
                    lines += 1
            report[package] = {'version': version(package), 'license': licence, 'files': len(files), 'lines': lines}
            print(package, report[package], file=sys.stderr)
    with open(f'{OUT}/sources.json', 'w') as handle:
        json.dump(report, handle, indent=2)


if __name__ == '__main__':
    main()

#!/usr/bin/env python3
"""Extract the prose paragraphs (top-level w:p of the body, tables skipped) of every dev .docx into one
JSON fixture, so the prose-rule tests run without Python:

    python3 test/tools/extract-prose.py /work/shared/corpus/dev test/fixtures/prose/dev-prose.json

Output: { "<file>.docx": ["paragraph", ...], ... } with empty paragraphs dropped. Line breaks inside a
paragraph become "\n", tabs "\t".
"""
import json
import os
import sys
import zipfile
import xml.etree.ElementTree as ET

W = '{http://schemas.openxmlformats.org/wordprocessingml/2006/main}'


def paragraph_text(p):
    out = []
    for node in p.iter():
        if node.tag == W + 't':
            out.append(node.text or '')
        elif node.tag in (W + 'br', W + 'cr'):
            out.append('\n')
        elif node.tag == W + 'tab':
            out.append('\t')
    return ''.join(out)


def paragraphs(path):
    with zipfile.ZipFile(path) as z:
        root = ET.fromstring(z.read('word/document.xml'))
    body = root.find(W + 'body')
    result = []
    for el in body:
        if el.tag == W + 'p':
            text = paragraph_text(el)
            if text.strip():
                result.append(text)
    return result


def main():
    folder, out = sys.argv[1], sys.argv[2]
    data = {}
    for name in sorted(os.listdir(folder)):
        if name.endswith('.docx'):
            data[name] = paragraphs(os.path.join(folder, name))
    with open(out, 'w', encoding='utf-8') as f:
        json.dump(data, f, ensure_ascii=False, indent=1)
        f.write('\n')


if __name__ == '__main__':
    main()

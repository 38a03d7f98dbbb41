#!/usr/bin/python3
"""Builds a tiny BERT-shaped ONNX feature-extraction model as a test fixture (no download, no training).

The graph is last_hidden_state = Gather(embeddings, input_ids) * attention_mask: 32-d word vectors with a
~110-token German WordPiece vocabulary. It exercises the real transformers.js loading code (tokenizer,
session, mean pooling, normalisation) offline. Needs Debian python3-onnx and python3-numpy.

Usage: /usr/bin/python3 scripts/make-tiny-bert.py [output_root]   (default test/fixtures/tiny-bert)
"""
import json
import os
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

HIDDEN = 32
MODEL_PATH = os.path.join("lotse", "tiny-german-bert")
SPECIAL = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"]
WORDS = (
    "hund ##steuer steuer anmeldung antrag urlaub dienst ##reise reise burger ##buro buro eltern ##zeit zeit "
    "gebuhr kosten der die das und fur wie hoch ist wo melde ich an mein ##en ##er ##e ##n ##s kreis verwaltung "
    "personal ##ausweis ausweis fuhrer ##schein schein zulassung ##stelle stelle termin offnung ##szeiten"
).split()
LETTERS = [chr(code) for code in range(ord("a"), ord("z") + 1)]


def vocabulary():
    tokens = SPECIAL + WORDS + LETTERS + ["##" + letter for letter in LETTERS]
    return {token: index for index, token in enumerate(tokens)}


def special(token, vocab):
    return {"id": vocab[token], "content": token, "single_word": False, "lstrip": False,
            "rstrip": False, "normalized": False, "special": True}


def tokenizer_json(vocab):
    cls = {"SpecialToken": {"id": "[CLS]", "type_id": 0}}
    sep = {"SpecialToken": {"id": "[SEP]", "type_id": 0}}
    return {
        "version": "1.0",
        "truncation": None,
        "padding": None,
        "added_tokens": [special(token, vocab) for token in SPECIAL],
        "normalizer": {"type": "BertNormalizer", "clean_text": True, "handle_chinese_chars": True,
                       "strip_accents": None, "lowercase": True},
        "pre_tokenizer": {"type": "BertPreTokenizer"},
        "post_processor": {
            "type": "TemplateProcessing",
            "single": [cls, {"Sequence": {"id": "A", "type_id": 0}}, sep],
            "pair": [cls, {"Sequence": {"id": "A", "type_id": 0}}, sep,
                     {"Sequence": {"id": "B", "type_id": 1}}, {"SpecialToken": {"id": "[SEP]", "type_id": 1}}],
            "special_tokens": {token: {"id": token, "ids": [vocab[token]], "tokens": [token]}
                               for token in ("[CLS]", "[SEP]")},
        },
        "decoder": {"type": "WordPiece", "prefix": "##", "cleanup": True},
        "model": {"type": "WordPiece", "unk_token": "[UNK]", "continuing_subword_prefix": "##",
                  "max_input_chars_per_word": 100, "vocab": vocab},
    }


def onnx_model(vocab_size):
    rng = np.random.default_rng(20261122)
    table = rng.standard_normal((vocab_size, HIDDEN)).astype(np.float32)
    table[0] = 0.0
    nodes = [
        helper.make_node("Gather", ["embeddings", "input_ids"], ["gathered"], axis=0),
        helper.make_node("Cast", ["attention_mask"], ["mask_float"], to=TensorProto.FLOAT),
        helper.make_node("Unsqueeze", ["mask_float", "mask_axis"], ["mask_3d"]),
        helper.make_node("Mul", ["gathered", "mask_3d"], ["last_hidden_state"]),
    ]
    graph = helper.make_graph(
        nodes,
        "tiny_german_bert",
        [helper.make_tensor_value_info("input_ids", TensorProto.INT64, ["batch", "sequence"]),
         helper.make_tensor_value_info("attention_mask", TensorProto.INT64, ["batch", "sequence"])],
        [helper.make_tensor_value_info("last_hidden_state", TensorProto.FLOAT, ["batch", "sequence", HIDDEN])],
        initializer=[numpy_helper.from_array(table, "embeddings"),
                     numpy_helper.from_array(np.array([2], dtype=np.int64), "mask_axis")],
    )
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)], producer_name="lotse")
    model.ir_version = 7
    onnx.checker.check_model(model)
    return model


def write_json(path, value):
    with open(path, "w", encoding="utf-8") as handle:
        json.dump(value, handle, ensure_ascii=False, indent=1, sort_keys=True)
        handle.write("\n")


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else os.path.join("test", "fixtures", "tiny-bert")
    folder = os.path.join(root, MODEL_PATH)
    os.makedirs(os.path.join(folder, "onnx"), exist_ok=True)
    vocab = vocabulary()
    write_json(os.path.join(folder, "config.json"), {
        "model_type": "bert", "architectures": ["BertModel"], "hidden_size": HIDDEN, "vocab_size": max(vocab.values()) + 1,
        "num_attention_heads": 1, "num_hidden_layers": 0, "intermediate_size": HIDDEN,
        "max_position_embeddings": 128, "type_vocab_size": 2, "pad_token_id": 0})
    write_json(os.path.join(folder, "tokenizer_config.json"), {
        "tokenizer_class": "BertTokenizer", "do_lower_case": True, "model_max_length": 128,
        "cls_token": "[CLS]", "sep_token": "[SEP]", "pad_token": "[PAD]", "unk_token": "[UNK]",
        "mask_token": "[MASK]"})
    write_json(os.path.join(folder, "tokenizer.json"), tokenizer_json(vocab))
    onnx.save(onnx_model(max(vocab.values()) + 1), os.path.join(folder, "onnx", "model.onnx"))
    print(f"wrote {folder} ({len(vocab)} tokens, {HIDDEN}-d)")


if __name__ == "__main__":
    main()

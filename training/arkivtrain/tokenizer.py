"""The tokenizer: a BERT-style WordPiece vocabulary trained on the corpus.

Chinese characters become one token each (BertNormalizer puts spaces around CJK
characters), so the spaces Tesseract inserts between Chinese characters change
nothing; Latin text and digits get WordPiece sub-words. Only standard components are
used, so the Rust ``tokenizers`` crate loads ``tokenizer.json`` with
``Tokenizer::from_file``.
"""

from __future__ import annotations

from tokenizers import Tokenizer, decoders, models, normalizers, pre_tokenizers, processors, trainers

PAD, UNK, CLS, SEP = "[PAD]", "[UNK]", "[CLS]", "[SEP]"
SPECIALS = [PAD, UNK, CLS, SEP]
PAD_ID = 0


def build_tokenizer(vocab: dict[str, int] | None = None) -> Tokenizer:
    """An untrained (or given-vocabulary) tokenizer with the full pipeline set."""
    tok = Tokenizer(models.WordPiece(vocab=vocab, unk_token=UNK) if vocab else models.WordPiece(unk_token=UNK))
    tok.normalizer = normalizers.Sequence(
        [
            normalizers.NFKC(),
            normalizers.BertNormalizer(
                clean_text=True, handle_chinese_chars=True, strip_accents=False, lowercase=True
            ),
        ]
    )
    tok.pre_tokenizer = pre_tokenizers.BertPreTokenizer()
    tok.decoder = decoders.WordPiece()
    return tok


def _set_post_processor(tok: Tokenizer) -> None:
    tok.post_processor = processors.TemplateProcessing(
        single=f"{CLS} $A {SEP}",
        pair=f"{CLS} $A {SEP} $B {SEP}",
        special_tokens=[(CLS, tok.token_to_id(CLS)), (SEP, tok.token_to_id(SEP))],
    )


def train_tokenizer(
    texts, vocab_size: int = 12000, min_frequency: int = 2, limit_alphabet: int = 6000
) -> Tokenizer:
    """Train the WordPiece vocabulary on an iterable of (already NFKC) texts.

    ``limit_alphabet`` caps the number of single characters kept (most frequent
    first); characters left out encode as [UNK].
    """
    tok = build_tokenizer()
    trainer = trainers.WordPieceTrainer(
        vocab_size=vocab_size,
        min_frequency=min_frequency,
        limit_alphabet=limit_alphabet,
        special_tokens=SPECIALS,
        show_progress=False,
    )
    tok.train_from_iterator(texts, trainer=trainer)
    if tok.token_to_id(PAD) != PAD_ID:
        raise RuntimeError("tokenizer training did not put [PAD] at id 0")
    _set_post_processor(tok)
    return tok


def encode_batch(tok: Tokenizer, texts: list[str]) -> list[list[int]]:
    """Token ids with special tokens, as the Rust side encodes (add_special_tokens=true)."""
    return [e.ids for e in tok.encode_batch(texts, add_special_tokens=True)]

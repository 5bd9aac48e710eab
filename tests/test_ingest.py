"""Reading every format and every kind of bad input: a clear message, nothing lost."""

import io
import json

import pytest

from dq_nlp.errors import InputError
from dq_nlp.ingest.decode import decode_bytes
from dq_nlp.ingest.prepare import prepare
from dq_nlp.ingest.readers import read_path
from dq_nlp.ingest.run import ingest_paths

RU = "Премьер-министр поручил МИИЦР до 1 марта 2026 года обеспечить запуск цифровой платформы для школ."


def test_encodings_are_detected():
    assert decode_bytes(RU.encode("cp1251"))[1] == "cp1251"
    assert decode_bytes(RU.encode("utf-16"))[0] == RU
    assert decode_bytes(RU.encode("utf-16-le"))[0] == RU
    assert decode_bytes(RU.encode("utf-8"))[1] == "utf-8"


def test_binary_and_empty_are_refused(tmp_path):
    (tmp_path / "a.txt").write_bytes(bytes(range(256)) * 40)
    (tmp_path / "b.txt").write_bytes(b"")
    with pytest.raises(InputError, match="binary"):
        read_path(tmp_path / "a.txt")
    with pytest.raises(InputError, match="empty"):
        read_path(tmp_path / "b.txt")


def test_seed_date_line_is_metadata(tmp_path):
    p = tmp_path / "s.txt"
    p.write_text(" date 2025-11-26 Фото: пресс-служба правительства\n\n" + RU, encoding="utf-8")
    doc = prepare(read_path(p)[0]).document
    assert doc.date == "2025-11-26" and doc.text.startswith("Премьер-министр") and "Фото" not in doc.text


def test_html_page_keeps_article_drops_widgets(corpus_dir):
    raw = read_path(corpus_dir / "html" / "kk_news_ai_schools.html")[0]
    doc = prepare(raw).document
    assert raw.title and raw.date and doc.lang == "kk"
    assert "USD" not in doc.text and "Сондай-ақ оқыңыз" not in doc.text


def test_broken_html_and_pdf(tmp_path):
    (tmp_path / "x.html").write_text("<html><body><nav>Меню</nav></body>", encoding="utf-8")
    (tmp_path / "x.pdf").write_bytes(b"%PDF-1.4\n1 0 obj << /Type /Catalog >> garbage")
    with pytest.raises(InputError):
        prepare(read_path(tmp_path / "x.html")[0])
    with pytest.raises(InputError, match="PDF"):
        read_path(tmp_path / "x.pdf")


def _pdf_with_text(text: str) -> bytes:
    stream = f"BT /F1 12 Tf 72 720 Td ({text}) Tj ET".encode()
    objs = [b"<< /Type /Catalog /Pages 2 0 R >>", b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>",
            b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
            b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    out = io.BytesIO()
    out.write(b"%PDF-1.4\n")
    offsets = []
    for i, body in enumerate(objs, 1):
        offsets.append(out.tell())
        out.write(b"%d 0 obj\n" % i + body + b"\nendobj\n")
    xref = out.tell()
    out.write(b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1))
    for off in offsets:
        out.write(b"%010d 00000 n \n" % off)
    out.write(b"trailer << /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF" % (len(objs) + 1, xref))
    return out.getvalue()


def test_pdf_and_docx(tmp_path):
    import docx

    (tmp_path / "a.pdf").write_bytes(_pdf_with_text("Digital Qazaqstan strategy: budget 665.5 million USD."))
    assert "Digital Qazaqstan" in read_path(tmp_path / "a.pdf")[0].text
    d = docx.Document()
    d.add_paragraph(RU)
    d.save(tmp_path / "a.docx")
    assert read_path(tmp_path / "a.docx")[0].text.strip() == RU


def test_jsonl_bad_line_is_reported_not_fatal(tmp_path):
    p = tmp_path / "feed.jsonl"
    p.write_text(json.dumps({"text": RU, "date": "2026-01-10"}, ensure_ascii=False) + "\n{broken\n", encoding="utf-8")
    raws = read_path(p)
    assert raws[0].error is None and raws[0].date == "2026-01-10"
    assert "not valid JSON" in raws[1].error


def test_huge_file_is_refused_with_advice(tmp_path):
    p = tmp_path / "big.txt"
    with p.open("wb") as f:
        f.write((RU + "\n").encode() * (50 * 1024 * 1024 // len((RU + "\n").encode()) + 1))
    with pytest.raises(InputError, match="over the 25 MB limit"):
        read_path(p)


def test_batch_of_bad_inputs_loses_nothing(fresh, tmp_path):
    good = tmp_path / "in" / "good.txt"
    good.parent.mkdir()
    good.write_text(" date 2026-01-10\n" + RU, encoding="utf-8")
    (tmp_path / "in" / "cp.txt").write_bytes((" date 2026-01-11\n" + RU.replace("МИИЦР", "МНЭ")).encode("cp1251"))
    (tmp_path / "in" / "empty.txt").write_bytes(b"")
    (tmp_path / "in" / "bin.txt").write_bytes(bytes(range(256)) * 10)
    (tmp_path / "in" / "copy.txt").write_text(" date 2026-01-10\n" + RU + "\n", encoding="utf-8")
    items = ingest_paths(fresh, [tmp_path / "in"])
    status = {i.source.split("/")[-1]: i.status for i in items}
    assert status == {"bin.txt": "error", "copy.txt": "duplicate", "cp.txt": "added", "empty.txt": "error",
                      "good.txt": "added"} or sorted(status.values()) == ["added", "added", "duplicate", "error", "error"]
    before = fresh.store.counts()
    again = ingest_paths(fresh, [tmp_path / "in"])
    assert {i.status for i in again} <= {"duplicate", "error"}
    assert fresh.store.counts() == before


def test_publication_date_from_the_page_head_when_no_metadata():
    from dq_nlp.ingest.readers import RawDocument

    doc = prepare(RawDocument(text="14:32, 23 ноября 2026\n" + RU.replace("до 1 марта 2026 года", "до конца года"),
                              source="page")).document
    assert doc.date == "2026-11-23" and not doc.text.startswith("14:32")


@pytest.mark.parametrize("noise", ["USD 512,30 ▲  EUR 548,10 ▼  RUB 5,45  Астана +3°C", "12:47 | 14 ноября 2025",
                                   "20 қараша 2025 ж., 14:35", "Главная / Пресс-центр / Новости", "Басты бет / Жаңалықтар"])
def test_page_chrome_lines_never_reach_extraction(noise):
    from dq_nlp.ingest.readers import RawDocument

    doc = prepare(RawDocument(text=noise + "\n" + RU + "\nРасходы составили $120 млн и €40 млн.", source="page")).document
    assert noise not in doc.text and RU in doc.text and "€40 млн" in doc.text

"""Finds each element of a notice in its PDF, in the order the notice prints them: the 版头
on page 1, then title, recipients, the body's blocks, 附件说明, signature, date, 附注, the
attachments' first pages, and the 版记. What is not found stays None, and the clause that
needs it says so."""
from dataclasses import dataclass, field

from audit_doc import RED, attachment_labels, heading_number, printed_date, squash, walk


@dataclass
class Elements:
    marks: dict = field(default_factory=dict)        # copyNumber/secrecy/urgency -> Found
    issuer: list = field(default_factory=list)       # red glyphs of the mark on page 1
    number: object = None                            # Found: 发文字号
    signer_label: object = None                      # Found: 签发人：
    signers: list = field(default_factory=list)      # Found per signer name
    title: object = None
    recipients: object = None
    headings: list = field(default_factory=list)     # (level, number label, Found)
    body_last: object = None                         # the last body element found
    attachment_list: object = None                   # Found: 附件：
    attachment_names: list = field(default_factory=list)  # (Found of "N." or None, Found of name)
    signature: list = field(default_factory=list)    # Found per organ name
    date: object = None
    note: object = None
    attachment_pages: list = field(default_factory=list)  # (label, page number, Found label, Found title)
    copy_to: object = None
    printed: object = None                           # Found: the 印发 line's printer ... 印发


def locate(doc):
    n, e = doc.notice, Elements()
    page1 = [g for l in doc.content.get(1, []) for g in l.glyphs]
    e.issuer = [g for g in page1 if g.color == RED and g.size >= 20 and g.text.strip()]
    for key in ("copyNumber", "secrecy", "urgency"):
        if n.get(key):
            e.marks[key] = doc.find(n[key])
    if e.issuer:  # what follows the mark: skip its glyphs in the stream
        last = max(doc.stream.index(g) for g in e.issuer if g in doc.stream)
        doc.cursor = max(doc.cursor, last + 1)
    signer = n.get("signer")
    if signer:
        # 签发人：and the names come before the number when there are more than two names
        # (the number shares the line of the last ones): search them from the mark on.
        start = doc.cursor
        e.signer_label = doc.find("签发人：", advance=False)
        at = e.signer_label.end if e.signer_label else start
        e.signers = []
        for s in ([signer] if isinstance(signer, str) else signer):
            f = doc.find(s, start=at, advance=False)
            e.signers.append(f)
            at = f.end if f else at
    if n.get("documentNumber"):
        e.number = doc.find(n["documentNumber"])
    if signer and e.signers and all(e.signers):
        doc.cursor = max(doc.cursor, max(f.end for f in e.signers))
    title = n["title"]
    e.title = doc.find("".join(title) if isinstance(title, list) else title)
    if n.get("recipients"):
        e.recipients = doc.find(n["recipients"])
    e.body_last = e.recipients or e.title
    for level, number, b in walk(n.get("body", [])):
        if "heading" in b:
            f = doc.find(heading_number(level, number) + b["heading"])
            e.headings.append((level, heading_number(level, number), f))
            e.body_last = f or e.body_last
        for piece in ([b["text"]] if b.get("text") else []) + b.get("contact", []):
            e.body_last = doc.find(piece) or e.body_last
    atts = n.get("attachments", [])
    if atts:
        e.attachment_list = doc.find("附件：")
        for i, a in enumerate(atts):
            num = doc.find(f"{i + 1}.") if len(atts) > 1 else None
            e.attachment_names.append((num, doc.find(a["name"])))
    for organ in n["signature"]["organs"]:
        e.signature.append(doc.find(organ["name"]))
    e.date = doc.find(printed_date(n["date"]))
    if n.get("note"):
        e.note = doc.find(f"（{n['note']}）")
    after = e.date.page if e.date else 1
    for label, a in zip(attachment_labels(n), atts):
        for p in range(after + 1, len(doc.pages) + 1):
            first = doc.content[p][0] if doc.content[p] else None
            if first and squash(first.text) == label:
                doc.cursor = doc.stream.index(first.glyphs[0]) if first.glyphs[0] in doc.stream else doc.cursor
                lab = doc.find(label)
                e.attachment_pages.append((label, p, lab, doc.find(a["name"], advance=False)))
                after = p
                break
        else:
            e.attachment_pages.append((label, None, None, None))
    col = n.get("colophon")
    if col:
        doc.cursor = 0
        if col.get("copyTo"):
            e.copy_to = doc.find("抄送：" + "，".join(col["copyTo"]) + "。")
        e.printed = doc.find(col["printer"] + printed_date(col["printDate"]) + "印发")
    return e

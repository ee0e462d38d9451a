"""Stress notices for the GB/T 9704 audit, generated from a fixed seed so that every run
audits the same files. Together they move every page boundary the standard has rules for:

- the body ends on each line 1..22 of a page: case i has a body of 23 + i lines of 28
  characters (full-width text only, so a line is exactly 28 characters), which walks the
  last line through every residue of 22;
- 抄送 of 1-4 lines, sealed and unsealed signatures of 1-4 organs, upward documents with
  1-5 signers, titles of 1-4 lines given as one string (made of known words, so the audit can
  tell a line break inside a word), forms and free text as the last attachment, portrait and
  landscape forms, 份号/密级/特急, four heading levels, rare characters (𠀀 𪚥, an emoji) and
  直骨角写画 in the body.

Two shapes are used that main may not accept yet: "signer" as a list of names, and "notes"
on an attached form (its template's notes replaced; [] drops them). Cases using them are
marked, so the audit reports their refusal as what it is.

The JSON is written into a scratch folder, never into the repository; the seal image is
copied next to it, as a notice names its seals relative to itself.
"""
import json
import random
import shutil
from pathlib import Path

SEED = 9704
SEAL = Path(__file__).resolve().parents[2] / "examples" / "seals" / "sample-seal-a.png"

# Words the titles are made of; the audit checks none of them is broken across lines.
TITLE_WORDS = ["关于", "举办", "报送", "分会场", "全市", "科技活动周", "重点项目", "备案表", "开展", "做好",
               "组织", "申报", "科普", "统计", "总结", "有关事项", "实施方案", "征集", "优秀", "作品",
               "评选", "工作", "进一步", "加强", "管理", "各县区", "高新技术", "企业", "认定"]
# The body text: common characters without punctuation, so every line holds exactly 28.
POOL = ("为深入贯彻落实创新驱动发展战略全面提升公民科学素质推动科技创新成果惠及于民现就做好"
        "本年度科技活动周各项工作安排部署如下各单位要高度重视精心组织认真落实确保取得实效"
        "广泛动员社会力量积极参与营造讲科学爱科学学科学用科学的良好氛围加强宣传报道总结经验")
RARE = "𠀀𪚥😀直骨角写画"
ORGANS = ["示例市科学技术局", "示例市科学技术协会", "中共示例市委宣传部", "示例市教育局",
          "示例市卫生健康委员会", "示例市财政局"]
COPY_TO = ["示例市人民政府办公室", "示例省科学技术厅", "示例省科学技术协会", "示例市委办公室",
           "示例市人大常委会办公室", "示例市政协办公室", "示例市发展和改革委员会", "示例市工业和信息化局",
           "示例市教育局", "示例市财政局", "示例市人力资源和社会保障局", "示例市自然资源和规划局",
           "示例市生态环境局", "示例市住房和城乡建设局", "示例市交通运输局"]
SIGNERS = ["张示例", "李样本", "王测试", "赵演示", "陈范例"]
FORMS = [("key-project-2020", "2020年科技活动周重点项目（活动）备案表", "portrait"),
         ("open-institution-2020", "2020年科技活动周参与开放项目（活动）的科研机构和大学备案表", "landscape"),
         ("statistics-2022", "2022年全国科技活动周开展情况统计表", "portrait"),
         ("open-institution-2021", "2021年参与开放活动的科研机构和高校院所备案表", "landscape")]


class Case:
    """One generated notice: its name, the JSON, and what the audit needs to know about it
    that the JSON does not say (the title's words, the shapes main may refuse)."""

    def __init__(self, name, notice, title_words, pending=(), end_line=None):
        self.name, self.notice, self.title_words, self.pending = name, notice, title_words, list(pending)
        # The line of its page the body was made to end on, were nothing carried over.
        self.end_line = end_line

    def write(self, folder):
        """Writes notice.json and the seal into folder; returns the notice's path."""
        folder = Path(folder)
        folder.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(SEAL, folder / SEAL.name)
        path = folder / f"{self.name}.json"
        path.write_text(json.dumps(self.notice, ensure_ascii=False, indent=1), encoding="utf-8")
        return path


def _text(rng, n):
    start = rng.randrange(len(POOL))
    return "".join(POOL[(start + k) % len(POOL)] for k in range(n))


def _paragraph(rng, lines, extra=""):
    """A paragraph of `lines` lines: a two-character indent, then full lines of 28 and a last
    line of 8-20 characters (never exactly full, so no line-start rule moves a character)."""
    last = rng.randint(8, 20)
    count = 28 * (lines - 1) + last - 2 - len(extra)
    return _text(rng, max(count, 1)) + extra + "。"


def _title(rng, lines):
    """A title given as one string of about 16 characters a line (二号 holds 21), from known
    words, ending in 的通知."""
    words, length = [], 0
    # Lengths that fill the lines with room to keep words whole (20 characters a line).
    target = {1: 12, 2: 28, 3: 44, 4: 60}[lines]
    while length < target:
        w = rng.choice(TITLE_WORDS)
        words.append(w)
        length += len(w)
    words += ["的", "通知"]
    return "".join(words), words


def _body(rng, total_lines, rare):
    """Blocks filling about total_lines lines: a paragraph, the four heading levels (each a
    line with its run-on text short enough to stay one line), then paragraphs."""
    blocks = [{"text": _paragraph(rng, 2, RARE if rare else "")}]
    level4 = {"heading": "第四级标题。", "text": _text(rng, 8) + "。"}
    level3 = {"heading": "第三级标题。", "text": _text(rng, 8) + "。", "body": [level4]}
    level2 = {"heading": "第二级标题。", "text": _text(rng, 8) + "。", "body": [level3]}
    blocks.append({"heading": "第一级标题", "body": [level2]})
    left = total_lines - 2 - 4
    while left > 0:
        n = min(left, rng.randint(2, 5))
        blocks.append({"text": _paragraph(rng, n)})
        left -= n
    return blocks


LINE_MM = 225 / 22


def page_one_lines(notice, title_lines):
    """How many body lines page 1 holds under this notice's 版头, from the layout's numbers:
    the mark's top 35 mm into the text block, 52.5 pt a line of it, 发文字号 two lines below,
    the red line's border (6 pt and its 0.5 mm), the title two lines below it, 主送机关 one
    line below the title; body lines are 579 twips (225/22 mm) each."""
    signers = notice.get("signer") or []
    signer_lines = (len(signers) + 1) // 2 if isinstance(signers, list) else 1
    used = 35 + len(notice["issuer"]["organs"]) * 52.5 / 72 * 25.4
    used += (2 * 579 - 105) / 1440 * 25.4 + signer_lines * LINE_MM + 6 / 72 * 25.4 + 0.5
    used += (2 + title_lines) * LINE_MM + 2 * LINE_MM
    return int((225 - used) // LINE_MM)


def cases(seed=SEED, count=30):
    rng = random.Random(seed)
    out = []
    for i in range(count):
        title, words = _title(rng, 1 + i % 4)
        organs_n = 1 + (i // 2) % 4   # each count both sealed and unsealed
        sealed = i % 2 == 1
        upward = i % 5 == 4            # 1, 2, 3, 4, 5 signers
        signers = SIGNERS[: 1 + (i // 5) % 5] if upward else []
        organs = ORGANS[:organs_n] if not upward else ORGANS[:1]
        pending = []
        notice = {}
        if i % 3 == 0:
            notice["copyNumber"] = f"{100 + i:06d}"
        if i % 4 == 0:
            notice["secrecy"] = "秘密★1年"
        if i % 3 != 2:
            notice["urgency"] = "特急" if i % 2 else "加急"
        notice["issuer"] = {"organs": organs}
        notice["documentNumber"] = f"示科〔2025〕{i + 1}号"
        if upward:
            notice["signer"] = signers[0] if len(signers) == 1 else signers
            if len(signers) > 1:
                pending.append("signer as a list")
        notice["title"] = title
        notice["recipients"] = "各县（市、区）科技局，各有关单位："
        # The body runs over page 1 and ends on line 1 + i % 22 of a later page: every line
        # of a page is where some case's body ends (before lines are carried to the signature).
        end_line = 1 + i % 22
        notice["body"] = _body(rng, page_one_lines(notice, 1 + i % 4) + 22 * (i % 2) + end_line,
                               rare=i % 5 == 0 or i == 1)
        attachments = []
        form_id, form_name, _ = FORMS[i % len(FORMS)]
        if i % 3 != 1:
            attachments.append({"name": f"第{i + 1}号专项工作安排", "body": [{"text": _paragraph(rng, 2)}]})
        form = {"template": form_id}
        if i % 14 == 3:
            form["notes"] = ["注：请于5月15日前报送。"]
            pending.append("form notes")
        elif i % 14 == 7:
            form["notes"] = []
            pending.append("form notes")
        form_attachment = {"name": form_name, "form": form}
        # forms and free text each stand last in some cases
        if i % 2 == 0:
            attachments.append(form_attachment)
        else:
            attachments.insert(0, form_attachment)
        notice["attachments"] = attachments
        sig = [{"name": o} for o in organs]
        if sealed:
            for s in sig:
                s["seal"] = SEAL.name
        notice["signature"] = {"organs": sig, "sealed": sealed}
        notice["date"] = f"2025-{1 + i % 12:02d}-{1 + (i * 7) % 28:02d}"
        if i % 4 == 2:
            notice["note"] = "此件公开发布"
        if i % 5 != 4:
            n_copy = [1, 3, 7, 11][i % 4]  # 抄送 of 1, 2, 3 and 4 lines
            notice["colophon"] = {"copyTo": COPY_TO[:n_copy], "printer": "示例市科学技术局办公室",
                                  "printDate": notice["date"]}
        out.append(Case(f"stress-{i + 1:02d}", notice, words, pending, end_line))
    return out


if __name__ == "__main__":  # writes the cases into a folder, to look at them
    import sys
    folder = Path(sys.argv[1] if len(sys.argv) > 1 else "stress-notices")
    for c in cases():
        print(c.write(folder), c.pending or "")

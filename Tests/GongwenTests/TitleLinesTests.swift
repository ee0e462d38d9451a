import Foundation
import Testing
@testable import Gongwen

/// Titles broken between words into a trapezoid or a diamond, never wider than the text
/// block (issue 11, defect 8).
@Suite("Title lines")
struct TitleLinesTests {
    /// The notice's text block (156 mm) and the title's 二号.
    static let block = 156 / 25.4 * 72
    static let size = 22.0

    static let titles = [
        "关于举办2025年全市科技活动周分会场活动的通知",
        "濮阳市科学技术局关于报送2021年度科普工作统计数据的通知",
        "郑州市科普工作联席办公会议办公室关于举办2025年全市科技活动周分会场活动的通知",
        "关于印发《濮阳市科学技术局2021年度科技活动周实施方案》的通知",
        "关于开展2022年全国科技活动周（科技战疫 创新强国）开展情况统计工作和COVID-19防控知识竞赛的通知",
    ]
    /// Words that a break must never split.
    static let words = ["关于", "举办", "报送", "分会场", "印发", "2025", "2021", "COVID-19", "年度"]

    /// A line's width in points as LibreOffice sets the title: a Chinese character, a
    /// full-width mark or an emoji one em, a digit or small letter half an em, a capital at most three
    /// quarters, and a fifth of an em where Chinese meets a Latin letter or digit.
    static func points(_ line: String) -> Double {
        var ems = 0.0
        var previous: Unicode.Scalar?
        func wide(_ s: Unicode.Scalar) -> Bool { s.value >= 0x2E80 }
        func latin(_ s: Unicode.Scalar) -> Bool { !wide(s) && (s.properties.isAlphabetic || s.properties.numericType != nil) }
        for s in line.unicodeScalars {
            // Combining marks and format characters take no room of their own.
            if [.nonspacingMark, .enclosingMark, .format].contains(s.properties.generalCategory) { previous = s; continue }
            if let p = previous, (wide(p) && latin(s)) || (latin(p) && wide(s)) { ems += 0.2 }
            ems += wide(s) ? 1 : (("A"..."Z").contains(s) ? 0.75 : 0.5)
            previous = s
        }
        return ems * size
    }

    @Test(arguments: titles)
    func linesBreakBetweenWordsAndFitTheBlock(title: String) {
        for ems in stride(from: 7.0, through: 24, by: 0.5) {
            let width = ems * Self.size
            let lines = TitleLines.lines(of: [title], size: Self.size, width: width)
            // Nothing lost or added but the spaces a line may end on.
            #expect(lines.joined().replacingOccurrences(of: " ", with: "") == title.replacingOccurrences(of: " ", with: ""),
                    "\(ems) em: \(lines)")
            for line in lines {
                #expect(Self.points(line) <= width + 0.01, "\(ems) em: \(line) is \(Self.points(line)) pt")
            }
            for word in Self.words where title.contains(word) {
                #expect(lines.contains { $0.contains(word) }, "\(ems) em: \(word) split in \(lines)")
            }
        }
    }

    @Test(arguments: titles)
    func noLineStartsWithClosingOrEndsWithOpeningPunctuation(title: String) {
        for ems in stride(from: 7.0, through: 24, by: 0.5) {
            let lines = TitleLines.lines(of: [title], size: Self.size, width: ems * Self.size)
            for line in lines {
                let first = line.unicodeScalars.first!.properties.generalCategory
                let last = line.unicodeScalars.last!.properties.generalCategory
                #expect(![.closePunctuation, .finalPunctuation].contains(first) && !"、，。：；？！".contains(line.first!),
                        "\(ems) em: \(lines)")
                #expect(![.openPunctuation, .initialPunctuation].contains(last), "\(ems) em: \(lines)")
            }
        }
    }

    @Test func aTitleOnTheNoticeBlockIsABalancedTrapezoid() {
        let lines = TitleLines.lines(of: [Self.titles[0]], size: Self.size, width: Self.block)
        #expect(lines == ["关于举办2025年全市", "科技活动周分会场活动的通知"])
        #expect(TitleLines.lines(of: [Self.titles[1]], size: Self.size, width: Self.block)
            == ["濮阳市科学技术局关于报送", "2021年度科普工作统计数据的通知"])
    }

    @Test(arguments: titles)
    func upperLinesAreNoLongerThanLowerOnesOrTheShapeIsADiamond(title: String) {
        for ems in stride(from: 7.0, through: 24, by: 0.5) {
            let widths = TitleLines.lines(of: [title], size: Self.size, width: ems * Self.size).map(Self.points)
            guard widths.count > 1 else { continue }
            let peak = widths.firstIndex(of: widths.max()!)!
            let rising = zip(widths[...peak], widths[...peak].dropFirst()).allSatisfy { $0 <= $1 + 0.01 }
            let falling = zip(widths[peak...], widths[peak...].dropFirst()).allSatisfy { $0 + 0.01 >= $1 }
            let trapezoid = peak == widths.count - 1 || widths[peak...].allSatisfy { abs($0 - widths[peak]) < 0.01 }
            // A diamond: grows to a line in the middle, then shrinks, its first line no longer
            // than its last; never an inverted trapezoid.
            #expect(rising && (trapezoid || (peak > 0 && falling && widths[0] <= widths.last! + 0.01)), "\(ems) em: \(widths)")
        }
    }

    @Test func aTitleNoTrapezoidFitsIsADiamond() {
        // 48 ems on 20: three lines; no three-line trapezoid exists between its words.
        let name = "2025年全市科技活动周分会场重点项目（活动）备案表及各县（市、区）开发区科技行政主管部门报送汇总表"
        #expect(TitleLines.lines(of: [name], size: Self.size, width: Self.block)
            == ["2025年全市科技活动周分会场", "重点项目（活动）备案表及各县（市、区）", "开发区科技行政主管部门报送汇总表"])
    }

    @Test func aTitleThatFitsStaysOnOneLine() {
        #expect(TitleLines.lines(of: ["关于报送2021年度科普工作统计数据的通知"], size: Self.size, width: Self.block)
            == ["关于报送2021年度科普工作统计数据的通知"])
    }

    @Test func givenLinesAreKeptAndOnlyAnOverlongOneIsBroken() {
        let given = ["郑州市科普联席办", "关于举办2020年全市科技活动周的通知"]
        #expect(TitleLines.lines(of: given, size: Self.size, width: Self.block) == given)
        // Even a short first line stays as given: the writer chose it.
        let mixed = ["郑州市科普工作联席办公会议办公室", "关于举办2025年全市科技活动周分会场活动和COVID-19防控知识竞赛的通知"]
        let lines = TitleLines.lines(of: mixed, size: Self.size, width: Self.block)
        #expect(lines.first == mixed[0])
        #expect(lines.count > 2)
        #expect(lines.dropFirst().joined() == mixed[1])
        #expect(lines.allSatisfy { Self.points($0) <= Self.block })
    }

    @Test func aWordWiderThanTheBlockIsStillBroken() {
        let long = String(repeating: "ABCDEFGHIJ", count: 5)
        let lines = TitleLines.lines(of: ["关于" + long + "的通知"], size: Self.size, width: Self.block)
        #expect(lines.joined() == "关于" + long + "的通知")
        #expect(lines.allSatisfy { Self.points($0) <= Self.block })
    }

    @Test func anyTextBreaksWithoutLosingACharacterOrSplittingOne() {
        // A fixed pseudo-random mix of scripts, marks, emoji, brackets, digits and spaces.
        let pool = Array("关于举办报送分会场的通知科技活动周（）《》“”、，。〔〕ABCxyz0123 é\u{301}👍🏽🇨🇳—…") + ["e\u{301}\u{302}"]
        var seed: UInt64 = 0x9704
        func next(_ n: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(n))
        }
        for _ in 0..<150 {
            let text = String((0..<(5 + next(60))).map { _ in pool[next(pool.count)] })
            let ems = 2.0 + Double(next(24))
            let lines = TitleLines.lines(of: [text], size: Self.size, width: ems * Self.size)
            let squeezed = { (s: String) in s.unicodeScalars.filter { !$0.properties.isWhitespace }.map(\.value) }
            #expect(squeezed(lines.joined()) == squeezed(text), "\(text) → \(lines)")
            #expect(lines.allSatisfy { Self.points($0) <= ems * Self.size + 0.01 }, "\(ems) em: \(lines)")
            // Lines end between characters: each line is whole characters of the text.
            #expect(lines.flatMap { Array($0) }.filter { !$0.isWhitespace } == Array(text).filter { !$0.isWhitespace })
        }
    }

    @Test func theSegmenterKeepsTheCompoundsICUSplits() throws {
        let words = try #require(ChineseWords.shared).words(in: "关于报送分会场")
        #expect(words == [0..<2, 2..<4, 4..<7])
        let icu = try #require(ICUBreaks.boundaries(.word, in: "关于报送分会场"))
        // ICU alone would allow 报|送 and 分|会场.
        #expect(icu.isSuperset(of: [3, 5]))
    }

    /// Where the dictionary's segmentation goes wrong — 各县区分会场 reads 各县|区分|会场 to
    /// it — no line may break inside any of its words, even at a line's cost: the stress
    /// notices of the PDF audit split 分会场 and 各县区 before.
    @Test func aBreakSplitsNoDictionaryWordTheSegmentationMissed() {
        let title = "征集优秀征集企业报送组织加强科普关于各县区有关事项科技活动周优秀各县区分会场企业加强全市备案表有关事项征集实施方案评选认定重点项目企业总结认定的通知"
        let lines = TitleLines.lines(of: [title], size: Self.size, width: Self.block)
        #expect(lines.joined() == title)
        var offset = 0
        var breaks: [Int] = []
        for line in lines.dropLast() {
            offset += line.unicodeScalars.count
            breaks.append(offset)
        }
        let scalars = Array(title.unicodeScalars)
        for word in ["各县区", "分会场", "实施方案", "备案表", "重点项目"] {
            var from = 0
            let w = Array(word.unicodeScalars)
            while let at = (from...(scalars.count - w.count)).first(where: { Array(scalars[$0..<($0 + w.count)]) == w }) {
                #expect(!breaks.contains { $0 > at && $0 < at + w.count }, "\(word) split in \(lines)")
                from = at + 1
                if from > scalars.count - w.count { break }
            }
        }
        #expect(lines.allSatisfy { Self.points($0) <= Self.block + 0.01 })
    }
}

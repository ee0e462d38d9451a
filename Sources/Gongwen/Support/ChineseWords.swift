import CFriso
import Foundation

/// The words of a Chinese text by a dictionary segmenter: friso (mmseg over Debian's
/// friso-dict, some 180,000 words), configured by the file its Debian package installs.
///
/// ICU's own dictionary splits compounds an office writes every day (报|送, 分|会场, 印|发,
/// 濮|阳): a line that broke there would split a word. friso's lexicon has them. Its words
/// are only used as spans a line must not break inside; ICU still decides where a break is
/// allowed at all (see `TitleLines`).
///
/// One owner for the segmenter's handles: loaded once (about a third of a second), freed
/// with the owner. friso is not documented as thread-safe, so every segmentation holds the
/// lock; titles are a few dozen characters.
final class ChineseWords: @unchecked Sendable {
    /// The segmenter of the installed friso, or nil where it cannot load its dictionary
    /// (titles then break by ICU's words alone).
    static let shared = ChineseWords(configuration: "/etc/friso/friso.ini")

    private let lock = NSLock()
    private let friso: friso_t
    private let config: friso_config_t

    /// Loads the dictionary named by a friso configuration file; nil when the file or the
    /// dictionary is missing.
    init?(configuration path: String) {
        guard FileManager.default.isReadableFile(atPath: path) else { return nil }
        let friso = friso_new()!
        let config = friso_new_config()!
        var file = Array(path.utf8CString)
        let loaded = file.withUnsafeMutableBufferPointer { friso_init_from_ifile(friso, config, $0.baseAddress) } == 1
        guard loaded, let dictionary = friso.pointee.dic, friso_spec_dic_size(dictionary, __LEX_CJK_WORDS__) > 0,
              config.pointee.next_token != nil else {
            gongwen_friso_free_config(config)
            friso_free(friso)
            return nil
        }
        // Words as they stand in the text, each once: no synonyms added, no second pass
        // that splits long words again, no stop words dropped, unknown characters kept.
        config.pointee.add_syn = 0
        config.pointee.en_sseg = 0
        config.pointee.clr_stw = 0
        config.pointee.keep_urec = 1
        config.pointee.mode = __FRISO_COMPLEX_MODE__
        self.friso = friso
        self.config = config
    }

    deinit {
        gongwen_friso_free_config(config)
        friso_free(friso)
    }

    /// The dictionary words of `text` longer than one character, as ranges of Unicode scalar
    /// offsets. Only words friso read as written are returned: Chinese words whose bytes are
    /// the text's, and runs of Latin letters and digits with their unit (2025年); its
    /// punctuation and unknown tokens carry unreliable lengths and are left out.
    func words(in text: String) -> [Range<Int>] {
        var bytes = Array(text.utf8CString)
        let length = bytes.count - 1
        // The scalar offset of each UTF-8 offset that starts a scalar (and of the end).
        var scalarOffset = [Int](repeating: -1, count: length + 1)
        var utf8 = 0
        for (i, scalar) in text.unicodeScalars.enumerated() {
            scalarOffset[utf8] = i
            utf8 += scalar.utf8.count
        }
        scalarOffset[length] = text.unicodeScalars.count
        return lock.withLock {
            bytes.withUnsafeMutableBufferPointer { buffer -> [Range<Int>] in
                guard let task = friso_new_task(), let next = config.pointee.next_token else { return [] }
                defer { friso_free_task(task) }
                friso_set_text(task, buffer.baseAddress)
                var words: [Range<Int>] = []
                while let token = next(friso, config, task) {
                    let start = Int(token.pointee.offset), end = start + Int(token.pointee.rlen)
                    guard start >= 0, end <= length, scalarOffset[start] >= 0, scalarOffset[end] >= 0 else { continue }
                    let range = scalarOffset[start]..<scalarOffset[end]
                    guard range.count > 1 else { continue }
                    switch Int(token.pointee.type) {
                    case Int(__LEX_CJK_WORDS__.rawValue):
                        let word = withUnsafeBytes(of: token.pointee.word) { Array($0.prefix { $0 != 0 }) }
                        if word.elementsEqual(buffer[start..<end].lazy.map { UInt8(bitPattern: $0) }) { words.append(range) }
                    case Int(__LEX_OTHER_WORDS__.rawValue):
                        words.append(range)
                    default:
                        continue
                    }
                }
                return words
            }
        }
    }

    /// Every dictionary word of two to five Chinese characters that stands anywhere in `text`,
    /// overlapping or not, as ranges of Unicode scalar offsets. Where segmentations disagree
    /// (各县|区分|会场 or 各|县区|分会场), a line kept out of all of them splits none.
    func coveringWords(in text: String) -> [Range<Int>] {
        let scalars = Array(text.unicodeScalars)
        guard let dictionary = friso.pointee.dic else { return [] }
        var found: [Range<Int>] = []
        lock.withLock {
            for start in scalars.indices where scalars[start].properties.isIdeographic {
                var end = start + 1
                while end < scalars.count, end - start < 5, scalars[end].properties.isIdeographic {
                    end += 1
                    var word = Array(String(String.UnicodeScalarView(scalars[start..<end])).utf8CString)
                    let known = word.withUnsafeMutableBufferPointer { friso_dic_match(dictionary, __LEX_CJK_WORDS__, $0.baseAddress) } == 1
                    if known { found.append(start..<end) }
                }
            }
        }
        return found
    }
}

/// The text of a spreadsheet string as Excel shows it, from the events of its element (`si`
/// of the shared strings, `is` of an inline string): the `t` of every run joined, phonetic
/// guides (`rPh`, the furigana of East Asian text) left out.
struct RichText {
    private(set) var text = ""
    private var inText = false
    private var inPhonetic = false

    mutating func start(_ name: Substring) {
        switch name {
        case "t": inText = !inPhonetic
        case "rPh": inPhonetic = true
        default: break
        }
    }

    mutating func end(_ name: Substring) {
        switch name {
        case "t": inText = false
        case "rPh": inPhonetic = false
        default: break
        }
    }

    mutating func characters(_ string: String) { if inText { text += string } }
}

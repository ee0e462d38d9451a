/// The numbers of GB/T 9704 headings, produced from a section's depth and position:
/// 一、 / （一） / 1. / （1）. Deeper levels repeat the fourth style.
public enum HeadingNumber {
    public static func text(level: Int, index: Int) -> String {
        switch level {
        case 1: chinese(index) + "、"
        case 2: "（" + chinese(index) + "）"
        case 3: "\(index)."
        default: "（\(index)）"
        }
    }

    /// Chinese numerals as offices write them: 一 … 十, 十一, 二十, 二十一 … 九十九.
    public static func chinese(_ n: Int) -> String {
        let digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"]
        guard n > 0 else { return digits[0] }
        if n < 10 { return digits[n] }
        if n < 100 {
            let tens = n / 10, ones = n % 10
            return (tens == 1 ? "" : digits[tens]) + "十" + (ones == 0 ? "" : digits[ones])
        }
        return String(n)
    }
}

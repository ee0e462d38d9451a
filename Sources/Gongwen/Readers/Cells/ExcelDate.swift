/// The date and time Excel shows for a day number (the serial it stores in a cell formatted
/// as a date), written ISO style: 2020-08-23, 2020-08-23 14:30, 14:30.
enum ExcelDate {
    /// The last day Excel can show, 9999-12-31, in either date system.
    static let lastSerial1900 = 2_958_465.0
    static let lastSerial1904 = 2_957_003.0

    /// nil for what Excel shows as ##### (negative, past 9999-12-31, not finite).
    static func text(serial: Double, date1904: Bool) -> String? {
        guard serial.isFinite, serial >= 0, serial < (date1904 ? lastSerial1904 : lastSerial1900) + 1 else { return nil }
        var days = Int(serial.rounded(.down))
        var seconds = Int(((serial - Double(days)) * 86_400).rounded())
        if seconds == 86_400 { days += 1; seconds = 0 }
        var parts: [String] = []
        if days > 0 || seconds == 0 || date1904 { parts.append(date(days: days, date1904: date1904)) }
        if seconds > 0 {
            var time = "\(two(seconds / 3600)):\(two(seconds / 60 % 60))"
            if seconds % 60 != 0 { time += ":\(two(seconds % 60))" }
            parts.append(time)
        }
        return parts.joined(separator: " ")
    }

    /// Day `days` of the system. The 1900 system counts 1900-01-01 as 1 and keeps Lotus 1-2-3's
    /// 1900-02-29 as 60, so Excel shows that day and every serial after it is one day late.
    private static func date(days: Int, date1904: Bool) -> String {
        if date1904 { return civil(daysSinceEpoch: days + daysFromEpoch(1904, 1, 1)) }
        if days == 0 { return "1900-01-00" }
        if days == 60 { return "1900-02-29" }
        return civil(daysSinceEpoch: days + daysFromEpoch(1899, 12, days < 60 ? 31 : 30))
    }

    /// Days from 1970-01-01 to a Gregorian date (Howard Hinnant's days_from_civil).
    static func daysFromEpoch(_ year: Int, _ month: Int, _ day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The Gregorian date `daysSinceEpoch` days after 1970-01-01, as 2020-08-23.
    static func civil(daysSinceEpoch: Int) -> String {
        let z = daysSinceEpoch + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1
        let month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        return "\(year)-\(two(month))-\(two(day))"
    }

    private static func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}

/// Money is whole pence in an Int64 everywhere: never floating point.
public typealias Pence = Int64

public enum Money {
    /// `£1,121,395` (pence shown only when there are some: `£12.50`).
    public static func format(_ pence: Pence) -> String {
        let negative = pence < 0
        let magnitude = pence.magnitude
        let pounds = magnitude / 100
        let rest = magnitude % 100
        var text = "£" + grouped(pounds)
        if rest != 0 { text += "." + (rest < 10 ? "0" : "") + String(rest) }
        return negative ? "-" + text : text
    }

    /// A short figure for narrow columns: `£3.37m`, `£850k`, `£12.5k`, `£950`.
    public static func compact(_ pence: Pence) -> String {
        let negative = pence < 0
        let pounds = pence.magnitude / 100
        let text: String
        if pounds >= 1_000_000 {
            text = "£" + scaled(pounds, unit: 1_000_000) + "m"
        } else if pounds >= 1_000 {
            text = "£" + scaled(pounds, unit: 1_000) + "k"
        } else {
            text = "£" + String(pounds)
        }
        return negative ? "-" + text : text
    }

    /// Whole part plus up to two decimals (rounded half up, trailing zeros dropped), in integers.
    private static func scaled(_ value: UInt64, unit: UInt64) -> String {
        let hundredths = (value * 100 + unit / 2) / unit
        let whole = hundredths / 100
        var decimals = hundredths % 100
        if whole >= 100 { return String((value + unit / 2) / unit) }
        if whole >= 10 { decimals = (decimals + 5) / 10 * 10 }
        if decimals == 100 { return String(whole + 1) }
        if decimals == 0 { return String(whole) }
        if decimals % 10 == 0 { return "\(whole).\(decimals / 10)" }
        return "\(whole).\(decimals < 10 ? "0" : "")\(decimals)"
    }

    /// 1121395 → "1,121,395": also how counts are written on screen.
    public static func grouped(_ value: UInt64) -> String {
        let digits = String(value)
        var out = ""
        for (index, char) in digits.enumerated() {
            if index > 0 && (digits.count - index) % 3 == 0 { out.append(",") }
            out.append(char)
        }
        return out
    }

    /// Parses `1121395`, `1,121,395.50`, `£3370000` into pence; nil when not a plain amount.
    public static func parsePounds(_ text: String) -> Pence? {
        var cleaned = text.replacingOccurrences(of: ",", with: "")
        if cleaned.hasPrefix("£") { cleaned.removeFirst() }
        let parts = cleaned.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, let pounds = Int64(parts[0]), pounds >= 0 else { return nil }
        var pence: Int64 = 0
        if parts.count == 2 {
            guard parts[1].count == 2, let p = Int64(parts[1]) else { return nil }
            pence = p
        }
        let (scaled, overflow) = pounds.multipliedReportingOverflow(by: 100)
        guard !overflow else { return nil }
        return scaled + pence
    }
}

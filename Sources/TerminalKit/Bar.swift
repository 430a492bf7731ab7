/// A horizontal bar for a share of a whole, as text: whole blocks and an eighth-block tip in Unicode, `#`s
/// otherwise. The Funding and Reports screens and `caseboard report` draw the same bars from it.
public enum Bar {
    /// `part / whole` of `width` columns; empty when there is nothing to draw. Any part above zero shows at
    /// least a sliver, so a small amount never reads as none.
    public static func text(_ part: Int64, of whole: Int64, width: Int, unicode: Bool) -> String {
        guard width > 0, whole > 0, part > 0 else { return "" }
        let eighths = Int(min(Int64(width * 8), part * Int64(width * 8) / whole))
        guard unicode else { return String(repeating: "#", count: max(1, (eighths + 4) / 8)) }
        let bar = String(repeating: "█", count: eighths / 8) + ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"][eighths % 8]
        return bar.isEmpty ? "▏" : bar
    }
}

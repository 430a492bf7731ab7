import CaseboardKit
import TerminalKit

/// What a piece of text is; the palette turns it into a style for colour or monochrome terminals.
enum Role: Equatable, Sendable {
    case plain, dim, bold, heading, label, money, link, chip, tabActive, tab, brand, key, selected, warning, banner
    case border, columnHeader, success, bar, footer, footerDim, input
    /// Where a search word occurs in a cell; underlined too, so it still shows inside the selection bar.
    case match
    case status(ProjectStatus)
}

/// Styles from the terminal's own colours (so light and dark backgrounds both work), or
/// attributes alone when colour is off (NO_COLOR, monochrome terminals).
struct Palette {
    var colors: Bool
    /// Set when the user named their background: yellow and cyan fade on white, blue on black.
    var theme: PaletteTheme? = nil

    func style(_ role: Role) -> Style {
        switch role {
        case .plain: return .plain
        case .dim: return .dim
        case .bold, .heading: return .bold
        case .label: return colors ? Style(foreground: theme == .light ? .blue : .cyan) : .dim
        case .money: return .plain
        case .link: return colors ? Style(foreground: theme == .dark ? .cyan : .blue, underline: false) : .underline
        case .chip: return colors ? Style(foreground: .black, background: .cyan) : .reverse
        case .tabActive: return Style(bold: true, reverse: true)
        case .tab: return .plain
        case .brand: return colors ? Style(foreground: .magenta, bold: true) : .bold
        case .key: return .bold
        case .selected: return .reverse
        case .warning: return colors ? Style(foreground: .red, bold: true) : Style(bold: true, underline: true)
        case .banner: return colors ? Style(foreground: .white, background: .red, bold: true) : Style(bold: true, reverse: true)
        case .border: return colors ? Style(foreground: .blue) : .dim
        case .columnHeader: return Style(bold: true, underline: !colors).with(foreground: colors ? .cyan : nil)
        case .success: return colors ? Style(foreground: .green, bold: true) : .bold
        case .footer: return .plain
        case .footerDim: return .dim
        case .input: return .underline
        case .match: return colors ? Style(foreground: .black, background: .yellow, underline: true) : Style(bold: true, underline: true)
        case .bar: return colors ? Style(foreground: .cyan) : .plain
        case .status(let status): return statusStyle(status)
        }
    }

    /// Red / amber / green / grey; without colour, weight and underline carry the same meaning.
    private func statusStyle(_ status: ProjectStatus) -> Style {
        switch status {
        case .atRisk: return colors ? Style(foreground: .red, bold: true) : Style(bold: true, underline: true)
        case .active: return colors ? Style(foreground: .green) : .bold
        case .paused, .proposed, .approved: return colors ? Style(foreground: theme == .light ? .magenta : .yellow) : .underline
        case .completed, .closed: return .dim
        }
    }
}

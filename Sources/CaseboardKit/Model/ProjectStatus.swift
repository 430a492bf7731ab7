import Foundation

/// Where a project stands. The allowed moves between statuses live here and nowhere else.
public enum ProjectStatus: String, CaseIterable, Sendable, Comparable {
    case proposed
    case approved
    case active
    case atRisk = "at-risk"
    case paused
    case completed
    case closed

    /// Statuses a coordinator may move a project to from this one.
    public var allowedNext: [ProjectStatus] {
        switch self {
        case .proposed: return [.approved, .closed]
        case .approved: return [.active, .paused, .closed]
        case .active: return [.atRisk, .paused, .completed, .closed]
        case .atRisk: return [.active, .paused, .completed, .closed]
        case .paused: return [.active, .atRisk, .closed]
        case .completed: return [.active, .closed]
        case .closed: return []
        }
    }

    /// Replay checks every status change against the rules: a bit test, not an array built per event.
    public func canMove(to next: ProjectStatus) -> Bool { Self.allowedMasks[rank] & (1 << next.rank) != 0 }

    private static let allowedMasks: [UInt16] = allCases.map { status in
        status.allowedNext.reduce(0) { $0 | UInt16(1) << $1.rank }
    }

    /// The reason a move is refused, or nil when it is allowed.
    public func refusal(movingTo next: ProjectStatus) -> String? {
        if next == self { return "the project is already \(rawValue)" }
        if canMove(to: next) { return nil }
        if allowedNext.isEmpty { return "a \(rawValue) project cannot change status" }
        let options = allowedNext.map(\.rawValue).joined(separator: ", ")
        return "a project cannot move from \(rawValue) to \(next.rawValue); from \(rawValue) it can move to \(options)"
    }

    /// Accepts the id or the label, in any case: "at-risk", "at risk", "At Risk".
    public init?(lenient text: String) {
        let folded = text.lowercased().trimmingCharacters(in: .whitespaces).replacingOccurrences(of: " ", with: "-")
        guard let status = ProjectStatus(rawValue: folded) else { return nil }
        self = status
    }

    public var label: String {
        switch self {
        case .atRisk: return "at risk"
        default: return rawValue
        }
    }

    /// Order used when sorting by status: the lifecycle order.
    /// A switch, not a search of `allCases`: filters, sorts and replay read it once per project or event.
    public var rank: Int {
        switch self {
        case .proposed: return 0
        case .approved: return 1
        case .active: return 2
        case .atRisk: return 3
        case .paused: return 4
        case .completed: return 5
        case .closed: return 6
        }
    }

    public static func < (lhs: ProjectStatus, rhs: ProjectStatus) -> Bool { lhs.rank < rhs.rank }
}

/// Why a change was not saved, in words a coordinator can act on.
public struct EditRefusal: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String

    public init(_ message: String) { self.message = message }

    public var description: String { message }
}

/// A person at a partner organisation. Names, emails and phones are personal data:
/// messages and logs name a contact by id, never by these details.
public struct Contact: Equatable, Sendable {
    public var id: String
    public var name: String
    public var role: String
    public var organisation: String
    public var email: String
    public var phone: String

    public init(id: String, name: String, role: String, organisation: String, email: String, phone: String) {
        self.id = id
        self.name = name
        self.role = role
        self.organisation = organisation
        self.email = email
        self.phone = phone
    }
}

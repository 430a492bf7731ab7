/// The file names of a data directory, one collection each.
public enum DataFiles {
    public static let themes = "themes.json"
    public static let partners = "partners.json"
    public static let contacts = "contacts.json"
    public static let projects = "projects.json"
    public static let funding = "funding.json"
    /// In load order: each file's references point only at files before it.
    public static let all = [themes, partners, contacts, projects, funding]
}

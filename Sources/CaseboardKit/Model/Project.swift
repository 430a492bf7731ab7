/// An initiative or programme the VRU tracks.
public struct Project: Equatable, Sendable {
    public var id: String
    public var title: String
    public var theme: String
    public var secondaryThemes: [String]
    public var status: ProjectStatus
    public var lead: String
    public var partners: [String]
    public var districts: [District]
    /// ISO-8601 calendar dates (YYYY-MM-DD); compare as strings.
    public var start: String?
    public var end: String?
    public var summary: String
    public var contacts: [String]
    public var tags: [String]
    /// Why the project is at risk or paused, who is on it (a contact id) and when it is next looked at;
    /// kept after the project moves on, shown only while it is at risk or paused.
    public var riskReason: String?
    public var riskOwner: String?
    public var reviewDate: String?
    public var provenance: Provenance?

    public init(
        id: String, title: String, theme: String, secondaryThemes: [String] = [], status: ProjectStatus,
        lead: String, partners: [String] = [], districts: [District], start: String? = nil, end: String? = nil,
        summary: String = "", contacts: [String] = [], tags: [String] = [],
        riskReason: String? = nil, riskOwner: String? = nil, reviewDate: String? = nil, provenance: Provenance? = nil
    ) {
        self.id = id
        self.title = title
        self.theme = theme
        self.secondaryThemes = secondaryThemes
        self.status = status
        self.lead = lead
        self.partners = partners
        self.districts = districts
        self.start = start
        self.end = end
        self.summary = summary
        self.contacts = contacts
        self.tags = tags
        self.riskReason = riskReason
        self.riskOwner = riskOwner
        self.reviewDate = reviewDate
        self.provenance = provenance
    }

    /// The reason, owner and review date matter only while the project is at risk or paused.
    public var showsRisk: Bool { status == .atRisk || status == .paused }

    /// At risk or paused, with a review date that has passed.
    public func isReviewOverdue(on today: CalendarDate) -> Bool {
        guard showsRisk, let review = reviewDate.flatMap(CalendarDate.init) else { return false }
        return review < today
    }

    /// Primary theme first, then the secondary ones.
    public var allThemes: [String] { [theme] + secondaryThemes }

    /// The single district funding is attributed to: the project's own when it has one,
    /// otherwise West Yorkshire (so district totals add up to the whole).
    public var fundingDistrict: District { districts.count == 1 ? districts[0] : .westYorkshire }
}

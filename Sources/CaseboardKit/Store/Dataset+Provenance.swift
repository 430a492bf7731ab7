extension Dataset {
    /// Whether the data says it is illustrative, as the bundled sample does: any organisation, project, stream
    /// or allocation in use marked `"provenance": "illustrative"`. A VRU's own records leave provenance out.
    public var hasIllustrativeRecords: Bool {
        organisations.contains { $0.provenance == .illustrative }
            || projects.extras.values.contains { $0.provenance == .illustrative }
            || funding.contains { stream in
                stream.provenance == .illustrative || stream.allocations.contains { $0.provenance == .illustrative }
            }
    }
}

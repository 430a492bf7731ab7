/// What `caseboard config --init` writes: every setting, commented out at its default, with a word on each.
public enum ExampleConfig {
    public static let text = """
        # Caseboard settings. Every line is optional; a missing setting keeps the default.
        # Check this file with `caseboard config --check`; docs/config.md describes every setting.

        # The screen the browser opens on: themes, projects, funding, partners, activity or reports.
        # default_screen = "themes"

        # How dates read: "uk" (25 Nov 2026) or "iso" (2026-11-25).
        # date_style = "uk"

        # "auto" uses the terminal's colours (NO_COLOR=1 still turns them off); "never" turns them off.
        # colors = "auto"

        # Say "light" or "dark" if some colours are hard to read on your terminal's background.
        # theme = "dark"

        # Keys: a command's name (see docs/keys.md) and the keys that do it, replacing the standard ones.
        # A key that would mean two things at once is reported and the remap ignored.
        [keys]
        # quit = ["q", "ctrl-q"]
        # move_down = ["j", "down", "ctrl-n"]
        # move_up = ["k", "up", "ctrl-p"]

        # Keys for one panel or prompt only: [keys.help], [keys.theme_picker], [keys.filter_panel], ...
        # [keys.filter_panel]
        # close_panel = ["esc", "f"]

        # Saved views: `v` in the browser adds them here; `caseboard --view NAME` opens one.
        # [views.at-risk-kirklees]
        # screen = "projects"
        # themes = ["early-intervention"]
        # statuses = ["at-risk"]
        # districts = ["kirklees"]
        # search = ""
        # sort = "status"
        # direction = "ascending"

        """
}

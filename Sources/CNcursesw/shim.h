#ifndef CNCURSESW_SHIM_H
#define CNCURSESW_SHIM_H

// Must come before curses.h: a cSettings define does not reach Swift importers, and without it the
// wide-character API (wget_wch, mvwaddnwstr, cchar_t) is compiled out.
#define NCURSES_WIDECHAR 1

#include <langinfo.h>
#include <locale.h>
#include <string.h>
#include <wchar.h>
#include <ncursesw/curses.h>

// glibc only declares wcwidth under _XOPEN_SOURCE; the backend needs it to agree with ncurses on widths.
extern int wcwidth(wchar_t c);

// Attribute macros are bit expressions Swift cannot import.
static inline unsigned int cnw_a_bold(void) { return (unsigned int)A_BOLD; }
static inline unsigned int cnw_a_reverse(void) { return (unsigned int)A_REVERSE; }
static inline unsigned int cnw_a_dim(void) { return (unsigned int)A_DIM; }
static inline unsigned int cnw_a_underline(void) { return (unsigned int)A_UNDERLINE; }
static inline unsigned int cnw_a_normal(void) { return (unsigned int)A_NORMAL; }

// Globals that Swift 6 flags as not concurrency-safe; reading them through a function avoids that.
static inline WINDOW *cnw_stdscr(void) { return stdscr; }
static inline int cnw_color_pairs(void) { return COLOR_PAIRS; }
static inline int cnw_colors(void) { return COLORS; }

static inline int cnw_key_f(int n) { return KEY_F(n); }

// Mouse masks are macro arithmetic.
static inline mmask_t cnw_button1_pressed(void) { return (mmask_t)BUTTON1_PRESSED; }
static inline mmask_t cnw_button4_pressed(void) { return (mmask_t)BUTTON4_PRESSED; }
static inline mmask_t cnw_button5_pressed(void) { return (mmask_t)BUTTON5_PRESSED; }

// True when the current locale's character set is UTF-8 (call after setlocale).
static inline int cnw_locale_is_utf8(void) {
    const char *codeset = nl_langinfo(CODESET);
    return codeset != NULL && (strcmp(codeset, "UTF-8") == 0 || strcmp(codeset, "utf8") == 0);
}

// True when the terminal can move the cursor (cup); TERM=dumb cannot. Call after newterm.
static inline int cnw_can_address_cursor(void) {
    const char *cup = tigetstr("cup");
    return cup != NULL && cup != (const char *)-1;
}

#endif

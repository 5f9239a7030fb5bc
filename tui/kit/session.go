// Package kit holds what every part of the console uses: the session, the
// loader that drops late reads, the shared drawings, fitting and cutting,
// and the pieces forms are made of. A tab imports kit, never another tab.
package kit

import (
	"io"

	"cellule/crisis"
)

// Session is what every part of one console shares: who is connected, the
// service, how the console draws (language, theme) and the status line.
type Session struct {
	Svc *crisis.Service
	Me  crisis.Actor
	// Lang is the console's language, "en" or "fr" (tui's L key switches
	// it): part of every shared drawing's key.
	Lang string
	// Theme names the palette in use ("dark" or "light"): part of every
	// shared drawing's key. Pal is its palette.
	Theme string
	Pal   Palette
	// Caches are the drawings shared between consoles.
	Caches *Caches
	// Text, St and Keys are the strings, styles and key bindings every
	// part shares, built for this session's language and theme.
	Text *Text
	St   *Styles
	Keys *Keys
	// Preview renders the Report tab's Markdown (tui.Options.Preview).
	Preview func(w io.Writer, s *crisis.Snapshot, limit int) error
	// SavePrint saves the paper kit of a snapshot where the host keeps it
	// and says where (tui.Options.SavePrint); nil: no such place here.
	SavePrint func(s *crisis.Snapshot) (string, error)
	// HostKey is the server's host key fingerprint as ssh shows it
	// ("SHA256:..."), and Address the host:port this user reached the
	// server at: an invite's card tells the invitee both. Empty outside
	// an SSH server.
	HostKey, Address string
	// Closed is set by the shell once it reads that a lead closed the
	// record: the console then offers no write (see Allowed).
	Closed bool

	note Note
	// actions numbers the actions whose outcome goes to the status line;
	// shown is the newest one shown. Outcomes come back from commands in
	// any order: an older one never replaces a newer one.
	actions, shown int
}

// NewSession is the session of me on svc, drawn in a language with the
// theme's palette; caches nil gives the console caches of its own.
func NewSession(svc *crisis.Service, me crisis.Actor, lang string, caches *Caches) *Session {
	if caches == nil {
		caches = NewCaches()
	}
	text := Shared(caches, SharedKey{Part: "kit.text", Lang: lang}, func() *Text { return TextFor(lang) })
	s := &Session{
		Svc: svc, Me: me, Lang: lang, Caches: caches, Text: text,
		Keys: Shared(caches, SharedKey{Part: "kit.keys", Lang: lang}, func() *Keys { return NewKeys(text.Help) }),
	}
	s.SetTheme(ThemeDark)
	return s
}

// SetTheme draws the session with a theme's palette ("dark" for any name
// but "light"). The tabs take their own styles again in Restyle.
func (s *Session) SetTheme(theme string) {
	if theme != ThemeLight {
		theme = ThemeDark
	}
	s.Theme, s.Pal = theme, PaletteFor(theme)
	s.St = Shared(s.Caches, SharedKey{Part: "kit.styles", Theme: theme}, func() *Styles { return NewStyles(s.Pal) })
}

// ForTheme is a part's styles for the session's theme, built once for
// every console of that theme (Shared).
func ForTheme[T any](s *Session, part string, build func(Palette) T) T {
	return Shared(s.Caches, SharedKey{Part: part, Theme: s.Theme}, func() T { return build(s.Pal) })
}

// ForLang is a part's key bindings or strings for the session's
// language, built once for every console of that language (Shared).
func ForLang[T any](s *Session, part string, build func() T) T {
	return Shared(s.Caches, SharedKey{Part: part, Lang: s.Lang}, build)
}

// Allowed reports whether the console offers a change of kind act: my
// role allows it and the record is not closed (the service refuses every
// change to a closed record but taking powers away, which the console
// does not offer). Keys, help and forms ask it, so a closed record shows
// no write key and opens no write form.
func (s *Session) Allowed(act crisis.Action) bool {
	return !s.Closed && s.Me.Role.Allowed(act)
}

// Note is the status line: the outcome of the last action.
type Note struct {
	Text  string
	IsErr bool
	// UpTo is the newest entry id known when the note was set: a change
	// that brings a newer entry makes the note stale. Our own write's change
	// does not (its entry is UpTo), so "Saved as #N" survives its own echo.
	UpTo uint64
}

// Look is what, besides the content, changes this console's drawings at
// a width.
func (s *Session) Look(width int) Look {
	return Look{Lang: s.Lang, Theme: s.Theme, Loc: s.Svc.Location(), Width: width}
}

// Action numbers an action about to run in a command.
func (s *Session) Action() int {
	s.actions++
	return s.actions
}

// Notify shows the outcome of an action unless a later action's is shown.
func (s *Session) Notify(action int, text string, isErr bool, upTo uint64) {
	if action < s.shown {
		return
	}
	s.shown = action
	s.note = Note{Text: crisis.SanitizeLine(text), IsErr: isErr, UpTo: upTo}
}

// Note is the status line's note.
func (s *Session) Note() Note { return s.note }

// ClearNote empties the status line.
func (s *Session) ClearNote() { s.note = Note{} }

package kit

// SharedKey names one value drawn the same way for every console of a
// theme and a language: a part's styles or key bindings.
type SharedKey struct {
	// Part is who builds the value ("kit.styles", "timeline.keys"...).
	Part        string
	Theme, Lang string
}

// Shared is the value c keeps for k, built once by build: the styles and
// key maps weigh tens of kilobytes a console and are the same for every
// console of a theme and language, so hundreds of consoles share one copy.
// A shared value is never modified: copy a binding or a style before
// changing it.
func Shared[T any](c *Caches, k SharedKey, build func() T) T {
	return c.Shared.Get(k, func() any { return build() }).(T)
}

// Restyler is a tab whose styles follow the session's theme: the shell
// calls Restyle after the theme changed (the terminal told its
// background).
type Restyler interface {
	Restyle()
}

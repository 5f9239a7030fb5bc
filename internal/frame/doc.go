// Package frame writes a console's frames to its terminal, in place of
// bubbletea's renderer.
//
// The contract:
//
//   - A frame is rows of styled text (one string per row of the terminal,
//     with SGR sequences for style) plus the cursor: hidden, or shown at a
//     position. Rows past the height are dropped, missing rows are blank.
//   - The Writer writes only what changed since the frame the terminal
//     shows: the rows that differ (after moving rows that only scrolled, with
//     margins and line insertion or deletion), then the cursor. Each frame
//     goes in one write, wrapped in synchronized output. A resize or a new
//     colour profile redraws everything.
//   - No row draws outside its row, whatever the terminal thinks a
//     character's width is: autowrap is off while the console is shown,
//     every row written starts with an absolute cursor position and an
//     erase of the whole row, and after every character whose width
//     terminals may disagree on (wide, zero-width, or several code points
//     in one cluster) the next character is placed at the column the
//     server measured, so a disagreement stays inside that character's
//     cells and cannot shift the columns after it.
//   - Rows as they go to the terminal (cut to the width, colours converted,
//     columns pinned) are kept in a Rows cache the server creates once and
//     hands to every Writer: hundreds of consoles showing one new logbook
//     entry measure and convert it once. The cache is keyed by everything
//     that changes a drawing: the row's text, the width and the colour
//     profile.
//   - Restore gives the terminal back as it was (modes, the user's screen).
//
// A Writer is used from one goroutine (the console's event loop); a Rows
// cache is safe for many.
package frame

package frametest_test

import (
	"fmt"

	"github.com/charmbracelet/colorprofile"

	"cellule/internal/frame/frametest"
)

// A view's rows, drawn as a user's terminal shows them: styles become
// cell attributes, a row wider than the terminal is cut to it, and a
// second frame shows on the same screen.
func Example() {
	s := frametest.New(24, 4, colorprofile.TrueColor)
	s.Draw("Cellule │ \x1b[1mCrisis\x1b[m", "", "  #1  a row much wider than the terminal", "footer")
	fmt.Println(s.Text())
	fmt.Println(s.Cell(10, 0).Style.Attrs != 0) // "Crisis" is bold
	fmt.Println("--")
	fmt.Println(s.Draw("Cellule │ \x1b[1mCrisis\x1b[m", "  #2  日本語 entry", "  #1  a row much wider than the terminal", "footer"))
	// Output:
	// Cellule │ Crisis
	//
	//   #1  a row much wider t
	// footer
	// true
	// --
	// Cellule │ Crisis
	//   #2  日本語 entry
	//   #1  a row much wider t
	// footer
}

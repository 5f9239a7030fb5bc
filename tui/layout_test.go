package tui

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// The console's layout holds: a tab imports the kit, never another tab
// nor the shell; the kit imports no part of the console; and no file of
// the console keeps state in a package variable (the language tables are
// values only read).
func TestLayoutTabsImportOnlyTheKit(t *testing.T) {
	dirs, err := os.ReadDir(".")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	for _, d := range dirs {
		if !d.IsDir() || d.Name() == "testdata" || d.Name() == "internal" {
			continue
		}
		files, _ := filepath.Glob(filepath.Join(d.Name(), "*.go"))
		for _, name := range files {
			if strings.HasSuffix(name, "_test.go") {
				continue
			}
			f, err := parser.ParseFile(fset, name, nil, parser.ImportsOnly)
			if err != nil {
				t.Fatal(err)
			}
			for _, imp := range f.Imports {
				path, _ := strconv.Unquote(imp.Path.Value)
				if path == "cellule/tui" || (strings.HasPrefix(path, "cellule/tui/") && path != "cellule/tui/kit") ||
					(d.Name() == "kit" && strings.HasPrefix(path, "cellule/tui")) {
					t.Errorf("%s imports %s", name, path)
				}
			}
		}
	}
}

func TestLayoutNoPackageState(t *testing.T) {
	files, _ := filepath.Glob("*.go")
	more, _ := filepath.Glob("*/*.go")
	fset := token.NewFileSet()
	for _, name := range append(files, more...) {
		if strings.HasSuffix(name, "_test.go") || strings.HasPrefix(name, "internal") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, decl := range f.Decls {
			g, ok := decl.(*ast.GenDecl)
			if !ok || g.Tok != token.VAR {
				continue
			}
			for _, spec := range g.Specs {
				for i, v := range spec.(*ast.ValueSpec).Values {
					// A language table is a composite literal of a ...Text
					// type; anything else (a map, make, a pointer, a cache)
					// would be state shared by every console.
					if lit, ok := v.(*ast.CompositeLit); ok {
						if id, ok := lit.Type.(*ast.Ident); ok && strings.HasSuffix(id.Name, "Text") {
							continue
						}
					}
					t.Errorf("%s: package variable %s", name, spec.(*ast.ValueSpec).Names[i].Name)
				}
			}
		}
	}
}

package theorem

import (
	"context"
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"
)

// TestBeyondPaperFindingsCite reads every non-test source file of the
// package and finds each Finding literal of kind FindBeyondPaper: its Text
// must name a prior* constant of priorwork.go, countingRefs, one of the two
// markers, or contain a string literal with "known: " or "no prior
// statement found in a search of ". A finding added later without saying
// where it stands fails here, before any report is written.
func TestBeyondPaperFindingsCite(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	fset := token.NewFileSet()
	seen := 0
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		for _, fn := range f.Decls {
			fd, ok := fn.(*ast.FuncDecl)
			if !ok {
				continue
			}
			ast.Inspect(fd, func(n ast.Node) bool {
				lit, ok := n.(*ast.CompositeLit)
				if !ok || !isBeyondPaper(lit) {
					return true
				}
				seen++
				key := name + ": " + fd.Name.Name
				text := field(lit, "Text")
				if text == nil || !textCites(text) {
					t.Errorf("%s (%s): a beyond-paper finding whose text neither cites prior work (\"known: …\") nor says what was searched (%q): see priorwork.go",
						key, fset.Position(lit.Pos()), searchedMarker)
				}
				return true
			})
		}
	}
	if seen < 10 {
		t.Fatalf("found only %d beyond-paper finding literals; the scan is broken", seen)
	}
}

// isBeyondPaper reports whether lit is a Finding literal with Kind:
// FindBeyondPaper.
func isBeyondPaper(lit *ast.CompositeLit) bool {
	k := field(lit, "Kind")
	id, ok := k.(*ast.Ident)
	if !ok {
		sel, ok := k.(*ast.SelectorExpr)
		return ok && sel.Sel.Name == "FindBeyondPaper"
	}
	return id.Name == "FindBeyondPaper"
}

// field is the value of key in a keyed composite literal, or nil.
func field(lit *ast.CompositeLit, key string) ast.Expr {
	for _, e := range lit.Elts {
		kv, ok := e.(*ast.KeyValueExpr)
		if !ok {
			continue
		}
		if id, ok := kv.Key.(*ast.Ident); ok && id.Name == key {
			return kv.Value
		}
	}
	return nil
}

// textCites reports whether the expression e names a prior-work constant
// or a marker, or holds a string literal that cites.
func textCites(e ast.Expr) bool {
	found := false
	ast.Inspect(e, func(n ast.Node) bool {
		switch v := n.(type) {
		case *ast.Ident:
			if strings.HasPrefix(v.Name, "prior") || v.Name == "countingRefs" || v.Name == "knownMarker" || v.Name == "searchedMarker" || v.Name == "searchedFor" {
				found = true
			}
		case *ast.BasicLit:
			if s, err := strconv.Unquote(v.Value); err == nil && cites(s) {
				found = true
			}
		}
		return !found
	})
	return found
}

// year matches a publication year, the least a reference carries.
var year = regexp.MustCompile(`(19|20)\d\d`)

// TestPriorWorkConstants: every prior-work text cites (a marker) and
// names at least one dated reference; countingRefs too.
func TestPriorWorkConstants(t *testing.T) {
	for name, s := range map[string]string{
		"priorExactTwoLayer": priorExactTwoLayer, "priorLift": priorLift, "priorRepairs": priorRepairs,
		"priorComparison": priorComparison, "countingRefs": countingRefs,
	} {
		if !cites(s) {
			t.Errorf("%s neither says known: nor what was searched: %q", name, s)
		}
		if !year.MatchString(s) {
			t.Errorf("%s names no dated reference: %q", name, s)
		}
	}
	for _, s := range []string{"a sharper bound, new", "beyond the paper: our result", "known exactly"} {
		if cites(s) {
			t.Errorf("cites(%q) = true: the markers are too loose", s)
		}
	}
}

// TestBeyondPaperFindingsCiteAtRun runs the cheap claims that report
// beyond-paper findings and checks the texts the report will print.
func TestBeyondPaperFindingsCiteAtRun(t *testing.T) {
	if testing.Short() {
		t.Skip("runs T5.1-L's counting sweeps")
	}
	for _, id := range []string{"C4.2", "T5.1-L"} {
		c, _ := Lookup(id)
		ctx, cancel := context.WithTimeout(context.Background(), time.Minute)
		res := Run(c, Config{Ctx: ctx, Seed: 1, Checks: 10})
		cancel()
		n := 0
		for _, fd := range res.Findings {
			if fd.Kind != FindBeyondPaper {
				continue
			}
			n++
			if !cites(fd.Text) {
				t.Errorf("%s: beyond-paper finding without prior work: %.200s", id, fd.Text)
			}
		}
		if n == 0 {
			t.Errorf("%s reported no beyond-paper finding (verdict %s)", id, res.Verdict)
		}
	}
}

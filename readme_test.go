package ftcheck

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"

	"github.com/ftcheck/ftcheck/theorem"
)

// The README's artifact-evaluation table lists every claim of the claim
// table, in its order, with the command that checks it and files that
// exist, and the root doc.go maps every claim: the documentation cannot
// drift from the table unnoticed.
func TestDocsFollowClaimTable(t *testing.T) {
	readme, err := os.ReadFile("README.md")
	if err != nil {
		t.Fatal(err)
	}
	row := regexp.MustCompile("(?m)^\\| `([^`]+)` \\| [^|]+ \\| `ftcheck check ([^`]+)` \\| [^|]+ \\| ([^|]+) \\|$")
	var ids []string
	for _, m := range row.FindAllStringSubmatch(string(readme), -1) {
		if m[1] != m[2] {
			t.Errorf("README row %s runs ftcheck check %s", m[1], m[2])
		}
		ids = append(ids, m[1])
		dir := ""
		for _, f := range strings.Split(m[3], ",") {
			f = strings.TrimSpace(f)
			if d := filepath.Dir(f); d != "." {
				dir = d
			} else {
				f = filepath.Join(dir, f)
			}
			if _, err := os.Stat(f); err != nil {
				t.Errorf("README row %s names %s: %v", m[1], f, err)
			}
		}
	}
	doc, err := os.ReadFile("doc.go")
	if err != nil {
		t.Fatal(err)
	}
	claims := theorem.Claims()
	if len(ids) != len(claims) {
		t.Fatalf("README lists %d claims, the table has %d", len(ids), len(claims))
	}
	for i, c := range claims {
		if ids[i] != c.ID {
			t.Errorf("README row %d is %s, the table's is %s", i+1, ids[i], c.ID)
		}
		if !regexp.MustCompile(`(?m)^//\t` + regexp.QuoteMeta(c.ID) + ` `).Match(doc) {
			t.Errorf("doc.go does not map %s", c.ID)
		}
	}
}

package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/ftcheck/ftcheck/theorem"
)

// WriteJSON writes report.json (indented, stable key order).
func (r *Report) WriteJSON(w io.Writer) error { return writeJSON(w, r) }

// writeJSON writes v indented, with stable key order and no HTML escaping,
// all at once (nothing is written if encoding fails).
func writeJSON(w io.Writer, v any) error {
	var buf bytes.Buffer
	enc := json.NewEncoder(&buf)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return err
	}
	_, err := w.Write(buf.Bytes())
	return err
}

// maxRows is how many data rows of an instance REPORT.md draws.
const maxRows = 6

// WriteMarkdown writes REPORT.md: a summary table, the findings with their
// instances drawn small, then how each claim was checked.
func (r *Report) WriteMarkdown(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "# ftcheck report\n\n")
	fmt.Fprintf(&b, "Claims of Sohn, Kwon, An, Lee, *Memorization Capacity for Additive Fine-Tuning with Small ReLU Networks* (UAI 2024), checked with exact rational arithmetic. Seed %d, %d checks per sampled claim. Reproduce the whole report with `ftcheck report -seed %d -checks %d`.\n\n", r.Seed, r.Checks, r.Seed, r.Checks)
	b.WriteString(r.tally())
	b.WriteString(r.headlines())
	b.WriteString("\n## Summary\n\n| claim | paper | verdict | checked | findings | evidence |\n|---|---|---|---|---|---|\n")
	for _, c := range r.Claims {
		fmt.Fprintf(&b, "| `%s` | %s | **%s** | %s | %s | %s |\n", c.ID, c.Paper, c.Verdict, checkedCell(c), findingsCell(c), cell(firstSentence(c.Evidence)))
	}
	b.WriteString("\n## Findings\n\n")
	any := false
	for _, c := range r.Claims {
		for i, f := range c.Findings {
			any = true
			writeFinding(&b, c, i, f)
		}
	}
	if !any {
		b.WriteString("No findings.\n")
	}
	b.WriteString("\n## How each claim was checked\n\n")
	for _, c := range r.Claims {
		fmt.Fprintf(&b, "### `%s` (%s): %s\n\n%s\n\n", c.ID, c.Paper, c.Verdict, c.Statement)
		if c.Method != "" {
			fmt.Fprintf(&b, "*Method.* %s\n\n", c.Method)
		}
		fmt.Fprintf(&b, "*Evidence.* %s\n\n*Reproduce.* `%s`\n\n", c.Evidence, c.Reproduce)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func (r *Report) tally() string {
	count := map[theorem.Verdict]int{}
	for _, c := range r.Claims {
		count[c.Verdict]++
	}
	order := []theorem.Verdict{theorem.Holds, theorem.Counterexample, theorem.Inconclusive, theorem.NotChecked}
	var parts []string
	for _, v := range order {
		if count[v] > 0 {
			parts = append(parts, fmt.Sprintf("%d %s", count[v], v))
		}
	}
	return fmt.Sprintf("**%d claims:** %s. `inconclusive` and `not checked` are not passes.\n", len(r.Claims), strings.Join(parts, ", "))
}

// headlines lists, before everything else, what a reviewer with ten
// minutes must read: every counterexample, then every beyond-paper result,
// one sentence each, pointing at the full finding below.
func (r *Report) headlines() string {
	var b strings.Builder
	for _, kind := range []theorem.FindingKind{theorem.FindCounterexample, theorem.FindBeyondPaper} {
		for _, c := range r.Claims {
			for i, f := range c.Findings {
				if f.Kind == kind {
					fmt.Fprintf(&b, "- **%s** in `%s` (%s, finding #%d): %s\n", f.Kind, c.ID, c.Paper, i+1, firstSentence(f.Text))
				}
			}
		}
	}
	if b.Len() == 0 {
		return ""
	}
	return "\n## Read first\n\n" + b.String()
}

func checkedCell(c ClaimReport) string {
	if c.Verdict == theorem.NotChecked {
		return "–"
	}
	if c.Exhaustive {
		return fmt.Sprintf("%d (exhaustive)", c.Checked)
	}
	return fmt.Sprintf("%d (sampled)", c.Checked)
}

func findingsCell(c ClaimReport) string {
	if len(c.Findings) == 0 {
		return "0"
	}
	kinds := map[theorem.FindingKind]int{}
	for _, f := range c.Findings {
		kinds[f.Kind]++
	}
	keys := make([]string, 0, len(kinds))
	for k := range kinds {
		keys = append(keys, string(k))
	}
	sort.Strings(keys)
	var parts []string
	for _, k := range keys {
		parts = append(parts, fmt.Sprintf("%d %s", kinds[theorem.FindingKind(k)], k))
	}
	return strings.Join(parts, ", ")
}

func firstSentence(s string) string {
	const limit = 200 // runes
	if i := strings.Index(s, ". "); i >= 0 && !strings.HasSuffix(s[:i], "eq") && !strings.HasSuffix(s[:i], "Sec") && utf8.RuneCountInString(s[:i]) < limit {
		return s[:i+1]
	}
	if r := []rune(s); len(r) > limit {
		return string(r[:limit-1]) + "…"
	}
	return s
}

func cell(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "|", "\\|"), "\n", " ")
}

func writeFinding(b *strings.Builder, c ClaimReport, i int, f theorem.Finding) {
	fmt.Fprintf(b, "### `%s` #%d: %s\n\n%s\n\n", c.ID, i+1, f.Kind, f.Text)
	if f.Instance != nil {
		writeInstance(b, f.Instance)
	}
	if f.Reproduce != "" {
		fmt.Fprintf(b, "Reproduce: `%s`\n\n", f.Reproduce)
	}
}

func writeInstance(b *strings.Builder, in *theorem.Instance) {
	var head []string
	if in.K > 0 {
		head = append(head, fmt.Sprintf("K = %d", in.K))
	}
	if in.N > 0 || in.T != nil {
		head = append(head, fmt.Sprintf("N = %d", in.N))
	}
	if len(in.T) > 0 {
		head = append(head, fmt.Sprintf("T = %s", intSet(in.T)))
	}
	keys := make([]string, 0, len(in.Params))
	for k := range in.Params {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	var blocks []string
	for _, k := range keys {
		v := in.Params[k]
		if (k == "K" && in.K > 0) || (k == "N" && (in.N > 0 || in.T != nil)) {
			continue // already in the head
		}
		if strings.Contains(v, "\n") || len(v) > 80 {
			blocks = append(blocks, fmt.Sprintf("%s:\n\n```\n%s\n```\n\n", k, strings.TrimRight(v, "\n")))
			continue
		}
		head = append(head, fmt.Sprintf("%s = %s", k, v))
	}
	if len(head) > 0 {
		fmt.Fprintf(b, "Instance: %s.\n\n", strings.Join(head, ", "))
	}
	for _, blk := range blocks {
		b.WriteString(blk)
	}
	if len(in.X) == 0 {
		return
	}
	d := len(in.X[0])
	b.WriteString("| i |")
	for j := 1; j <= d; j++ {
		fmt.Fprintf(b, " x%d |", j)
	}
	b.WriteString(" z |\n|---|" + strings.Repeat("---|", d+1) + "\n")
	for i, x := range in.X {
		if i == maxRows {
			fmt.Fprintf(b, "| … %d more rows (all in report.json) |%s\n", len(in.X)-maxRows, strings.Repeat(" |", d+1))
			break
		}
		fmt.Fprintf(b, "| %d | %s |", i+1, strings.Join(x, " | "))
		if i < len(in.Z) {
			fmt.Fprintf(b, " %s |\n", in.Z[i])
		} else {
			b.WriteString(" |\n")
		}
	}
	b.WriteString("\n")
}

func intSet(v []int) string {
	s := make([]string, len(v))
	for i, x := range v {
		s[i] = fmt.Sprint(x)
	}
	return "{" + strings.Join(s, ", ") + "}"
}

// WriteClaim prints one claim's verdict, evidence and findings as plain text
// (the check command).
func WriteClaim(w io.Writer, c ClaimReport) error {
	var b strings.Builder
	fmt.Fprintf(&b, "claim: %s (%s)\nverdict: %s\nchecked: %s\nevidence: %s\n", c.ID, c.Paper, c.Verdict, checkedCell(c), c.Evidence)
	for i, f := range c.Findings {
		fmt.Fprintf(&b, "\nfinding %d: %s\n%s\n", i+1, f.Kind, f.Text)
		if f.Instance != nil {
			writeInstance(&b, f.Instance)
		}
		if f.Reproduce != "" {
			fmt.Fprintf(&b, "reproduce: %s\n", f.Reproduce)
		}
	}
	fmt.Fprintf(&b, "\nreproduce: %s\n", c.Reproduce)
	_, err := io.WriteString(w, b.String())
	return err
}

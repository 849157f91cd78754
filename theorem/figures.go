package theorem

// F: the paper's examples, figures and displayed equations that state a
// checkable fact, each checked exactly (issue 13, item 4).
//
// The figures give instances on a line (x_i = i·u) and say what the
// network built for them does; where they give no targets, every target
// pattern listed below is tried. Four drive.Parts build the networks the
// figures show, and the oracle verifies each (so the fault suite covers F):
//
//   - Fig. 2–4 (Sec. 4.1–4.2): Thm 4.4's network (construction.TwoLayerPaper)
//     on Fig. 2's witness (K = 14, N = 4, T = {3,6,9,12}: 3N+1 = 13 neurons
//     and no interpolant with fewer than 3N+1 pieces), Fig. 3's (K = 9,
//     T = {2,4,6,8}: K−1 = 8 neurons) and Fig. 4's K = 14, T = {4,7,9,14}
//     for all 16 targets in {2, −1}^T: [K]∖T is Example 1's I, the removed
//     points are {2, 11, 12}, J = {1,3,4,5,6,7,8,9,10,13,14} (text after
//     eq. 14), |J| − 1 = 10 neurons = eq. 12's bound.
//   - Fig. 6–7 (Sec. 5.2): U1 and U2 on K = 16, T = {7}: layer 1 is four
//     hard-tanh windows whose non-clipping region holds exactly the groups
//     {1..4}, …, {13..16}, with α¹_1(x_i) > 1 for i ≥ 5 (the text); layer 2
//     of U1 fits {1,8,9,16}, {2,7,10,15}, {3,6,11,14}, {4,5,12,13} (Fig. 6's
//     labels, read from the PDF's text layer; unit k holds (−1)^{k+1}·z_i,
//     the sign of the reconstructed output layer) and clips every other
//     sample, so x_7 is in the second unit; the paper's U2 read literally
//     (construction.U2Paper) keeps U1's layer 1 and its σB unit reads U1's
//     second layer-2 unit (W̃2 = W_{2,2}), the repaired U2 keeps layer 1 too;
//     m = 4√K = 16 and 2√K + 3N = 11.
//   - Fig. 8 (Sec. 5.2): U3 on K = 16, T = {2,4,9}: J = {1,2,3,4,5,8,9,10,16},
//     windows on {1,2,3}, {4,5,8}, {9,10,16}, σL units fitting {1,8,9},
//     {2,5,10}, {3,4,16} (figure labels), β¹(x_6) = (+1, ∈ [−1,1], −1) and
//     α¹_j(x_6) strictly between α¹_j(x_5) and α¹_j(x_8) (the text), m = 6√|J|
//     = 18 ≤ 6√(3N+2).
//   - Fig. 10 (Appendix A): K = 16, T = {4,7}: the groups s_1..s_5, S =
//     {1,4,5,7,8}, every off-diagonal ±1 of the example matrix of eq. 34,
//     α² = z_i on S (eq. 30) and every other sample past the σT ramp's
//     start, as drawn, m = 4N+4 = 12.
//
// The displayed equations and their restatements are checked over exact
// integer grids (figEquations): Thm 4.1's proof, K−1−max{K−3N−2,0} =
// min{3N+1,K−1}; eq. 9's p(K)−1 = Thm 4.1.2's min{3N,K−2}; Lemma 4.7's
// K−max{K−3N−2,0} = min{3N+2,K}; Cor 4.2's proof display; Cor 5.2's proof
// (min{4√K, 2√K+3K, 6√(3K+2)} = 4√K, and eq. 22's 6√(3(m²/108−2/3)+2) = m);
// Fig. 5's caption A, B against eq. 19–20; Remark 5's two cases with
// explicit constants; and eq. 23, σT and σB as the ReLU gadgets the
// constructions use.
//
// Steps stated wrongly are proof-step findings (figFindings): eq. 27's open
// interval on Fig. 8's own instance, Fig. 3's "K−1 = 8 pieces", eq. 13's
// "suffices to prove m ≤ K" against eq. 12's K−1, Sec. 4.1's "x_i = iu for
// i ∈ [N]", and Fig. 10's caption naming 4N+4 "U3".

import (
	"fmt"
	"iter"
	"math/big"
	"slices"
	"strings"

	"github.com/ftcheck/ftcheck/construction"
	"github.com/ftcheck/ftcheck/lowerbound"
	"github.com/ftcheck/ftcheck/oracle"
	"github.com/ftcheck/ftcheck/props"
	"github.com/ftcheck/ftcheck/theorem/drive"
)

// figLine is x_i = i, i = 1..K, with z_i from z (1-based), 0 elsewhere.
func figLine(K int, z map[int]*big.Rat) *props.FineTune {
	zs := make([]*big.Rat, K)
	for i := range zs {
		zs[i] = new(big.Rat)
		if v, ok := z[i+1]; ok {
			zs[i] = new(big.Rat).Set(v)
		}
	}
	return lineProblem(zs)
}

// figure names the figure a case belongs to, by K and T (1-based).
func figure(c drive.Case) string {
	in := c.FT.Inst
	T := fmt.Sprint(oneBased(in.T()))
	switch {
	case in.K() == 14 && T == "[3 6 9 12]":
		return "Fig. 2"
	case in.K() == 9 && T == "[2 4 6 8]":
		return "Fig. 3"
	case in.K() == 14 && T == "[4 7 9 14]":
		return "Fig. 4"
	case in.K() == 16 && T == "[7]":
		return "Fig. 6"
	case in.K() == 16 && T == "[2 4 9]":
		return "Fig. 8"
	case in.K() == 16 && T == "[4 7]":
		return "Fig. 10"
	}
	return "none"
}

// signs yields every map T → ±v (v[k] for T[k]).
func signs(T []int, v []*big.Rat) iter.Seq[map[int]*big.Rat] {
	return func(yield func(map[int]*big.Rat) bool) {
		for mask := 0; mask < 1<<len(T); mask++ {
			z := map[int]*big.Rat{}
			for k, i := range T {
				z[i] = new(big.Rat).Set(v[k])
				if mask>>k&1 == 1 {
					z[i].Neg(z[i])
				}
			}
			if !yield(z) {
				return
			}
		}
	}
}

// grid yields the cases of ft built from each target map.
func grid(K int, zs iter.Seq[map[int]*big.Rat]) iter.Seq[drive.Case] {
	return func(yield func(drive.Case) bool) {
		for z := range zs {
			if !yield(drive.Case{FT: figLine(K, z)}) {
				return
			}
		}
	}
}

// witness is Sec. 4.1's target pattern on T = {s, 2s, …, Ns}: 2 at
// multiples of 2s, −1 at the others.
func witness(K, N, s int) *props.FineTune {
	z := map[int]*big.Rat{}
	for k := 1; k <= N; k++ {
		z[k*s] = big.NewRat(-1, 1)
		if k%2 == 0 {
			z[k*s] = big.NewRat(2, 1)
		}
	}
	return figLine(K, z)
}

func figParts(Config) []drive.Part {
	return []drive.Part{figTwoLayerPart(), figYunPart(), figU3Part(), figAppendixPart()}
}

func figTwoLayerPart() drive.Part {
	cases := func(yield func(drive.Case) bool) {
		if !yield(drive.Case{FT: witness(14, 4, 3)}) || !yield(drive.Case{FT: witness(9, 4, 2)}) {
			return
		}
		for c := range grid(14, func(y func(map[int]*big.Rat) bool) {
			// Fig. 4 shows the levels +2 and −1: every assignment of them to T.
			for mask := 0; mask < 16; mask++ {
				z := map[int]*big.Rat{}
				for k, i := range []int{4, 7, 9, 14} {
					z[i] = big.NewRat(2, 1)
					if mask>>k&1 == 1 {
						z[i] = big.NewRat(-1, 1)
					}
				}
				if !y(z) {
					return
				}
			}
		}) {
			if !yield(c) {
				return
			}
		}
	}
	return drive.Part{
		Name: "F/Fig. 2–4", Grid: cases,
		Build: func(c drive.Case) ([]*construction.Built, error) {
			return buildAll(c.FT.Inst, construction.TwoLayerPaper)
		},
		Limit: func(c drive.Case, _ *construction.Built) (int, string, error) {
			switch figure(c) {
			case "Fig. 2":
				return 13, "3N+1 = 13 (Fig. 2)", nil
			case "Fig. 3":
				return 8, "K−1 = 8 (Fig. 3)", nil
			case "Fig. 4":
				return 10, "eq. 12: K−1−3 = 10 (Fig. 4)", nil
			}
			return 0, "", fmt.Errorf("not a case of Fig. 2–4")
		},
		Check: checkFigTwoLayer,
	}
}

// checkFigTwoLayer checks the kept set and the counts Fig. 2–4 state.
func checkFigTwoLayer(c drive.Case, b *construction.Built) error {
	in := c.FT.Inst
	K, T := in.K(), oneBased(in.T())
	J := construction.Kept(K, 1, T)
	if b.Neurons != len(J)-1 {
		return fmt.Errorf("%s: %d neurons, Lemma 4.5 on |J| = %d gives %d", figure(c), b.Neurons, len(J), len(J)-1)
	}
	switch figure(c) {
	case "Fig. 2":
		t := make([]*big.Rat, K)
		for i := range t {
			t[i] = big.NewRat(int64(i+1), 1)
		}
		R, err := lowerbound.MinBreakpoints(t, in.Z)
		if err != nil {
			return err
		}
		if R+1 < 13 {
			return fmt.Errorf("Fig. 2: an interpolant with %d pieces exists, the text says at least 3N+1 = 13", R+1)
		}
		if len(J) != K {
			return fmt.Errorf("Fig. 2: %d points removed, every block of [K]∖T has ≤ 2", K-len(J))
		}
	case "Fig. 4":
		I := construction.Complement(K, 1, T)
		if fmt.Sprint(I) != "[1 2 3 5 6 8 10 11 12 13]" {
			return fmt.Errorf("Fig. 4: [K]∖T = %v, the caption says Example 1's I", I)
		}
		if got := fmt.Sprint(construction.ConsecutivePartition(I)); got != "[[1 2 3] [5 6] [8] [10 11 12 13]]" {
			return fmt.Errorf("Fig. 4: P([K]∖T) = %s, eq. 10 says {1,2,3},{5,6},{8},{10,…,13}", got)
		}
		if fmt.Sprint(J) != "[1 3 4 5 6 7 8 9 10 13 14]" {
			return fmt.Errorf("Fig. 4: J = %v, the text after eq. 14 says {1,3,4,5,6,7,8,9,10,13,14} (removed {2,11,12})", J)
		}
		if len(J) != K-construction.Removed(K, 1, T) {
			return fmt.Errorf("Fig. 4: |J| = %d ≠ K − Σ max{|P|−2,0} (eq. 15)", len(J))
		}
	}
	return nil
}

// layerIn is the ReLU layer l's pre-activation at h.
func layerIn(l oracle.Layer, h []*big.Rat) []*big.Rat {
	out := make([]*big.Rat, len(l.W))
	for r, row := range l.W {
		v := new(big.Rat).Set(l.B[r])
		for i, w := range row {
			v.Add(v, new(big.Rat).Mul(w, h[i]))
		}
		out[r] = v
	}
	return out
}

func relu(v []*big.Rat) []*big.Rat {
	out := make([]*big.Rat, len(v))
	for i, x := range v {
		out[i] = new(big.Rat)
		if x.Sign() > 0 {
			out[i].Set(x)
		}
	}
	return out
}

// hardTanhIn reads the inputs α of the hard-tanh units of a layer built by
// construction.HardTanh.Expand (rows α+1, α−1 per unit), from its ReLU
// pre-activations pre; it fails when the rows are not paired that way.
func hardTanhIn(pre []*big.Rat, units int) ([]*big.Rat, error) {
	return gadgetIn(pre, units, 2, 0)
}

// gadgetIn reads unit inputs t from a gadget layer with rows rows per unit,
// whose rows off and off+1 are t+1 and t−1 (σH: 2 rows from 0; σL: 4 rows
// from 1, construction.SigmaL).
func gadgetIn(pre []*big.Rat, units, rows, off int) ([]*big.Rat, error) {
	if len(pre) < rows*units {
		return nil, fmt.Errorf("%d ReLU rows, %d units need %d", len(pre), units, rows*units)
	}
	a := make([]*big.Rat, units)
	for u := range a {
		r := rows*u + off
		a[u] = new(big.Rat).Sub(pre[r], big.NewRat(1, 1))
		if new(big.Rat).Sub(pre[r+1], a[u]).Cmp(big.NewRat(-1, 1)) != 0 {
			return nil, fmt.Errorf("unit %d: rows %s, %s are not t+1, t−1", u+1, pre[r].RatString(), pre[r+1].RatString())
		}
	}
	return a, nil
}

// alphas returns α¹ (and α² when the second layer is hard-tanh too, u2 > 0)
// of net at every sample of in, indexed [sample][unit].
func alphas(net *oracle.Network, in [][]*big.Rat, u1, u2 int) (a1, a2 [][]*big.Rat, err error) {
	for _, x := range in {
		pre1 := layerIn(net.Layers[0], x)
		v1, err := hardTanhIn(pre1, u1)
		if err != nil {
			return nil, nil, fmt.Errorf("layer 1: %w", err)
		}
		a1 = append(a1, v1)
		if u2 > 0 {
			v2, err := hardTanhIn(layerIn(net.Layers[1], relu(pre1)), u2)
			if err != nil {
				return nil, nil, fmt.Errorf("layer 2: %w", err)
			}
			a2 = append(a2, v2)
		}
	}
	return a1, a2, nil
}

// inUnit reports |a| ≤ 1: the non-clipping region [−1, 1] of σH.
func inUnit(a *big.Rat) bool { return new(big.Rat).Abs(a).Cmp(big.NewRat(1, 1)) <= 0 }

// checkWindows: α_j(x_i) ∈ [−1, 1] exactly for i ∈ groups[j] (1-based
// samples, among those listed in among; nil for all).
func checkWindows(a [][]*big.Rat, groups [][]int, among []int) error {
	if among == nil {
		for i := range a {
			among = append(among, i+1)
		}
	}
	for j, g := range groups {
		for _, i := range among {
			if in := inUnit(a[i-1][j]); in != slices.Contains(g, i) {
				return fmt.Errorf("window %d: α(x_%d) = %s, in [−1, 1]: %v; the figure's group is %v", j+1, i, a[i-1][j].RatString(), in, g)
			}
		}
	}
	return nil
}

// fig6Groups and fig6Units are Fig. 6's layer-1 windows and layer-2 units
// (the sets each unit fits, read from the figure's labels z_i).
var (
	fig6Groups = [][]int{{1, 2, 3, 4}, {5, 6, 7, 8}, {9, 10, 11, 12}, {13, 14, 15, 16}}
	fig6Units  = [][]int{{1, 8, 9, 16}, {2, 7, 10, 15}, {3, 6, 11, 14}, {4, 5, 12, 13}}
)

func figYunPart() drive.Part {
	cases := func(yield func(drive.Case) bool) {
		for _, v := range []*big.Rat{big.NewRat(1, 2), big.NewRat(1, 1)} {
			for c := range grid(16, signs([]int{7}, []*big.Rat{v})) {
				if !yield(c) {
					return
				}
			}
		}
	}
	return drive.Part{
		Name: "F/Fig. 6–7", Grid: cases,
		Build: func(c drive.Case) ([]*construction.Built, error) {
			return buildAll(c.FT.Inst, construction.U1, construction.U2, construction.U2Paper)
		},
		Limit: func(_ drive.Case, b *construction.Built) (int, string, error) {
			if strings.HasPrefix(b.Name, "U2") {
				return 11, "2√K + 3N = 11 (Fig. 7)", nil
			}
			return 16, "4√K = 16 (Fig. 6)", nil
		},
		Check: checkFigYun,
	}
}

// checkFigYun checks Fig. 6's windows and units on U1, and that U2 keeps
// U1's layer 1 (Fig. 7).
func checkFigYun(c drive.Case, b *construction.Built) error {
	in := c.FT.Inst
	if strings.HasPrefix(b.Name, "U2") {
		u1, err := construction.U1(in)
		if err != nil {
			return err
		}
		if !sameLayer(u1.Net.Layers[0], b.Net.Layers[0]) {
			return fmt.Errorf("Fig. 7: %s's layer 1 is not U1's (Fig. 6)", b.Name)
		}
		if b.Name == "U2" {
			return nil // the repaired U2 solves its own layer-2 rows
		}
		return sameUnit(u1.Net, b.Net, in.X, 1)
	}
	a1, a2, err := alphas(b.Net, in.X, 4, 4)
	if err != nil {
		return fmt.Errorf("Fig. 6: %w", err)
	}
	if err := checkWindows(a1, fig6Groups, nil); err != nil {
		return fmt.Errorf("Fig. 6, layer 1: %w", err)
	}
	for i := 5; i <= 16; i++ {
		if a1[i-1][0].Cmp(big.NewRat(1, 1)) <= 0 {
			return fmt.Errorf("Sec. 5.2: α¹_1(x_%d) = %s, the text says > 1 for i ∈ {5, …, 16}", i, a1[i-1][0].RatString())
		}
	}
	// Unit k holds (−1)^{k+1}·z_i: the figure labels the place z_i; the sign
	// is the output layer's (−1)^{k+1} (yun2019.md §3.6), which the paper
	// does not print.
	for k, S := range fig6Units {
		for i := 1; i <= 16; i++ {
			a, want := a2[i-1][k], new(big.Rat).Set(in.Z[i-1])
			if k%2 == 1 {
				want.Neg(want)
			}
			switch {
			case slices.Contains(S, i) && a.Cmp(want) != 0:
				return fmt.Errorf("Fig. 6, layer 2 unit %d: α²(x_%d) = %s, the figure places z_%d there (%s with the output sign)", k+1, i, a.RatString(), i, want.RatString())
			case !slices.Contains(S, i) && new(big.Rat).Abs(a).Cmp(big.NewRat(1, 1)) < 0:
				return fmt.Errorf("Fig. 6, layer 2 unit %d: α²(x_%d) = %s is not clipped; the figure clips every sample outside %v", k+1, i, a.RatString(), S)
			}
		}
	}
	return nil
}

// sameUnit: the σB unit of the paper's U2 reads U1's layer-2 unit k
// (W̃2 = W_{2,k}, Sec. 5.2): its first ReLU's pre-activation differs from
// U1's α²_k by one constant at every sample.
func sameUnit(u1, u2 *oracle.Network, X [][]*big.Rat, k int) error {
	var diff *big.Rat
	for i, x := range X {
		h := relu(layerIn(u1.Layers[0], x))
		a, err := hardTanhIn(layerIn(u1.Layers[1], h), k+1)
		if err != nil {
			return err
		}
		d := new(big.Rat).Sub(layerIn(u2.Layers[1], h)[0], a[k])
		if diff == nil {
			diff = d
		} else if d.Cmp(diff) != 0 {
			return fmt.Errorf("Fig. 7: the σB unit is not U1's layer-2 unit %d (W̃2 = W_{2,%d}): offsets %s at x_1, %s at x_%d", k+1, k+1, diff.RatString(), d.RatString(), i+1)
		}
	}
	return nil
}

// sameLayer reports whether two layers have equal weights and biases.
func sameLayer(a, b oracle.Layer) bool {
	if len(a.W) != len(b.W) {
		return false
	}
	for r := range a.W {
		if a.B[r].Cmp(b.B[r]) != 0 || len(a.W[r]) != len(b.W[r]) {
			return false
		}
		for i := range a.W[r] {
			if a.W[r][i].Cmp(b.W[r][i]) != 0 {
				return false
			}
		}
	}
	return true
}

// fig8J, fig8Groups and fig8Units are Fig. 8's kept set (text), windows
// and the samples each σL unit fits (figure labels z_i; the others clipped).
var (
	fig8J      = []int{1, 2, 3, 4, 5, 8, 9, 10, 16}
	fig8Groups = [][]int{{1, 2, 3}, {4, 5, 8}, {9, 10, 16}}
	fig8Units  = [][]int{{1, 8, 9}, {2, 5, 10}, {3, 4, 16}}
)

// fig8Targets are the targets tried on Fig. 8's T = {2, 4, 9}.
var fig8Targets = []*big.Rat{big.NewRat(1, 2), big.NewRat(1, 3), big.NewRat(1, 1)}

func figU3Part() drive.Part {
	return drive.Part{
		Name: "F/Fig. 8", Grid: grid(16, signs([]int{2, 4, 9}, fig8Targets)),
		Build: func(c drive.Case) ([]*construction.Built, error) {
			return buildAll(c.FT.Inst, construction.U3)
		},
		Limit: func(drive.Case, *construction.Built) (int, string, error) {
			return 18, "6√|J| = 18 ≤ 6√(3N+2) (Fig. 8, |J| = 9)", nil
		},
		Check: checkFigU3,
	}
}

// checkFigU3 checks Fig. 8's J, windows and the text's facts about x_6.
func checkFigU3(c drive.Case, b *construction.Built) error {
	in := c.FT.Inst
	if J := construction.Kept(16, 1, oneBased(in.T())); !slices.Equal(J, fig8J) {
		return fmt.Errorf("Fig. 8: J = %v, the text says %v", J, fig8J)
	}
	a1, _, err := alphas(b.Net, in.X, 3, 0)
	if err != nil {
		return fmt.Errorf("Fig. 8: %w", err)
	}
	if err := checkWindows(a1, fig8Groups, fig8J); err != nil {
		return fmt.Errorf("Fig. 8, layer 1: %w", err)
	}
	beta := func(i, j int) *big.Rat { return construction.HardTanh.Apply(a1[i-1][j]) }
	if beta(6, 0).Cmp(big.NewRat(1, 1)) != 0 || !inUnit(a1[5][1]) || beta(6, 2).Cmp(big.NewRat(-1, 1)) != 0 {
		return fmt.Errorf("Sec. 5.2: β¹(x_6) = (%s, %s, %s), the text says (+1, ∈ [−1, 1], −1)",
			beta(6, 0).RatString(), beta(6, 1).RatString(), beta(6, 2).RatString())
	}
	if err := checkUnits(b.Net, in.X, fig8Units, 4, 1); err != nil {
		return fmt.Errorf("Fig. 8, layer 2: %w", err)
	}
	for j := range 3 {
		if !strictlyBetween(a1[5][j], a1[4][j], a1[7][j]) {
			return fmt.Errorf("Sec. 5.2: α¹_%d(x_6) = %s is not strictly between α¹_%d(x_5) = %s and α¹_%d(x_8) = %s",
				j+1, a1[5][j].RatString(), j+1, a1[4][j].RatString(), j+1, a1[7][j].RatString())
		}
	}
	return nil
}

// checkUnits: the layer-2 gadget units (rows per unit, t+1 at row off)
// hold |t| ≤ 1 exactly on the samples units[k] lists, every other sample
// of X clipped (|t| > 1).
func checkUnits(net *oracle.Network, X [][]*big.Rat, units [][]int, rows, off int) error {
	for i, x := range X {
		t, err := gadgetIn(layerIn(net.Layers[1], relu(layerIn(net.Layers[0], x))), len(units), rows, off)
		if err != nil {
			return err
		}
		for k, S := range units {
			if inUnit(t[k]) != slices.Contains(S, i+1) {
				return fmt.Errorf("unit %d: t(x_%d) = %s; the figure fits %v and clips the others", k+1, i+1, t[k].RatString(), S)
			}
		}
	}
	return nil
}

// strictlyBetween reports whether v lies strictly between a and b.
func strictlyBetween(v, a, b *big.Rat) bool {
	return (a.Cmp(v) < 0 && v.Cmp(b) < 0) || (b.Cmp(v) < 0 && v.Cmp(a) < 0)
}

// fig10Groups, fig10S and fig10K are Appendix A's groups s_1..s_5, S, and
// the off-diagonal entries of the example matrix K of eq. 34 (0 marks the
// diagonal β_j(x_{i_j}), which the paper leaves symbolic; the last column,
// all 1, is b2's).
var (
	fig10Groups = [][]int{{1, 2, 3}, {4}, {5, 6}, {7}, {8, 9, 10, 11, 12, 13, 14, 15, 16}}
	fig10S      = []int{1, 4, 5, 7, 8}
	fig10K      = [][]int64{
		{0, 1, -1, 1, -1},
		{1, 0, -1, 1, -1},
		{1, -1, 0, 1, -1},
		{1, -1, 1, 0, -1},
		{1, -1, 1, -1, 0},
	}
)

func figAppendixPart() drive.Part {
	return drive.Part{
		Name: "F/Fig. 10", Grid: grid(16, signs([]int{4, 7}, []*big.Rat{big.NewRat(1, 2), big.NewRat(1, 1)})),
		Build: func(c drive.Case) ([]*construction.Built, error) {
			return buildAll(c.FT.Inst, construction.AppendixA)
		},
		Limit: func(drive.Case, *construction.Built) (int, string, error) {
			return 12, "4N+4 = 12 (Fig. 10)", nil
		},
		Check: checkFigAppendix,
	}
}

// checkFigAppendix checks Fig. 10's groups and eq. 34's example matrix.
func checkFigAppendix(c drive.Case, b *construction.Built) error {
	a1, _, err := alphas(b.Net, c.FT.Inst.X, 5, 0)
	if err != nil {
		return fmt.Errorf("Fig. 10: %w", err)
	}
	if err := checkWindows(a1, fig10Groups, nil); err != nil {
		return fmt.Errorf("Fig. 10, layer 1: %w", err)
	}
	// Layer 2 (Fig. 10, eq. 30): one σT unit, rows 1 − t and 1 + δ − t
	// (construction.SigmaT); t = z_i on S, and every other sample right of
	// the ramp's start (t > 1), where the figure draws it.
	for i, x := range c.FT.Inst.X {
		pre := layerIn(b.Net.Layers[1], relu(layerIn(b.Net.Layers[0], x)))
		t := new(big.Rat).Sub(big.NewRat(1, 1), pre[0])
		if slices.Contains(fig10S, i+1) {
			if t.Cmp(c.FT.Inst.Z[i]) != 0 {
				return fmt.Errorf("Fig. 10, layer 2: α²(x_%d) = %s, eq. 30 says z_%d = %s", i+1, t.RatString(), i+1, c.FT.Inst.Z[i].RatString())
			}
		} else if t.Cmp(big.NewRat(1, 1)) <= 0 {
			return fmt.Errorf("Fig. 10, layer 2: α²(x_%d) = %s ≤ 1, the figure clips every sample off S", i+1, t.RatString())
		}
	}
	for r, i := range fig10S {
		if fig10Groups[r][0] != i {
			return fmt.Errorf("Appendix A: S lists %d, the least index of s_%d is %d", i, r+1, fig10Groups[r][0])
		}
		for j, want := range fig10K[r] {
			got := construction.HardTanh.Apply(a1[i-1][j])
			if want != 0 && got.Cmp(big.NewRat(want, 1)) != 0 {
				return fmt.Errorf("eq. 34 example: K[%d][%d] = β¹_%d(x_%d) = %s, the paper prints %+d", r+1, j+1, j+1, i, got.RatString(), want)
			}
		}
	}
	return nil
}

package theorem

// priorwork.go: what the literature already says about each beyond-paper
// finding (issue 13, item 2). A finding of kind beyond-paper is a sharper
// statement the harness verified; it is not a claim of novelty. Its text
// says either "known: …" with the reference, or "no prior statement found
// in a search of …" with what was searched, never that it is new
// (priorwork_test.go keeps every such finding to this, present and future).
//
// Every reference below was found with the search tool in the session that
// wrote it (corpora docs, pages, code, issues), or is cited by the paper
// itself (sohn24a.txt, References); the search terms are in searchedFor.

import "strings"

// Markers a beyond-paper finding's text carries: one of them, at least.
const (
	knownMarker    = "known: "
	searchedMarker = "no prior statement found in a search of "
)

// searchedFor is what was searched for prior work, in what corpora.
const searchedFor = searchedMarker + "public papers and pages (search corpora docs, pages, code, issues; terms: exact minimal " +
	"width of 2-layer ReLU interpolation of n points in 1-D, fine-tuning capacity, memorization capacity, sparsest " +
	"piecewise-linear interpolation, hard-tanh from ReLUs), which found the works cited here"

// The references, each as found.
const (
	refYun19    = "Yun, Sra, Jadbabaie, Small ReLU networks are powerful memorizers, NeurIPS 2019, arXiv:1810.07770 (cited by the paper)"
	refZhang17  = "Zhang, Bengio, Hardt, Recht, Vinyals, Understanding deep learning requires rethinking generalization, ICLR 2017, arXiv:1611.03530, Thm 1 (n neurons, 2n+d weights, for n points)"
	refBubeck20 = "Bubeck, Eldan, Lee, Mikulincer, Network size and size of the weights in memorization with two-layers neural networks, NeurIPS 2020 (4⌈n/d⌉ ReLUs for n points in general position)"
	refVardi21  = "Vardi, Yehudai, Shamir, On the optimal memorization power of ReLU neural networks, arXiv:2110.03187 (ICLR 2022; cited by the paper)"
	refArora18  = "Arora, Basu, Mianjy, Mukherjee, Understanding deep neural networks with rectified linear units, ICLR 2018, arXiv:1611.01491 (for one-dimensional input one hidden layer represents every continuous piecewise-linear function, with tight size bounds)"
	refDebarre  = "Debarre, Denoyelle, Unser, Fageot, Sparsest piecewise-linear regression of one-dimensional data, J. Comput. Appl. Math. 406:114044, 2022 (the minimum number of knots of an interpolant of 1-D data, by a formula in the data)"
)

// priorS7 is the prior work for Sec. 7's beyond-paper findings (the g = 0
// baseline, the relative threshold, the several-seed intervals, equal
// parameter counts).
const priorS7 = "Prior work: " + knownMarker + "E(y′−y)² = 2/3 for independent U[−1, 1] draws is elementary; for a threshold relative to the g = 0 loss " +
	"and exponent intervals over seeds in such an experiment, " + searchedMarker + "public pages (terms: memorization capacity experiment, minimum width " +
	"to reach a training-loss threshold, scaling exponent of 2-layer against 3-layer ReLU width), which found exact-memorization theory (" + refYun19 +
	"; " + refVardi21 + ") and a width–depth trade-off (arXiv:2603.09589), not this."

// priorExactTwoLayer is the prior work for m*(N, K) = min{3N, K−2} on
// 2-layer networks (T4.1-U, C4.2).
const priorExactTwoLayer = "Prior work: " + knownMarker + "the lower side's piece count (m neurons give at most m+1 pieces on a line) is " +
	refYun19 + ", Thm 3.3; the least number of breakpoints of any continuous piecewise-linear interpolant of 1-D data, which the " +
	"witnesses' exact counts compute, is " + refDebarre + "; representing such an interpolant with one hidden layer is " + refArora18 +
	"; for N = K (memorization) the classical upper bounds are n neurons, " + refZhang17 + ", and " + refBubeck20 + ". " +
	"The fine-tuning version (N changed labels among K, the exact value min{3N, K−2} and the 3N network that opens every hinge " +
	"towards a flat chord): " + searchedFor + "."

// priorLift is why a 3-layer net with 3N + 2 neurons is no surprise: it
// is Thm 4.1.1's 2-layer network plus one carrier neuron.
const priorLift = "Prior work: " + knownMarker + "m ≤ 3N + 2 for 3 layers already follows from the paper's own Thm 4.1.1 " +
	"(Sohn, Kwon, An, Lee, UAI 2024: a 2-layer net with 3N + 1 neurons) lifted to depth 3 with one carrier ReLU (construction/lift.go); the one-window form " +
	"of U2 is this harness's reading of it. For the construction itself, " + searchedFor + "."

// priorRepairs is the prior work for the repaired U1/U2/U3 of Thm 5.1.1.
const priorRepairs = "Prior work: " + knownMarker + "U1 is the 3-layer memorization network of " + refYun19 + ", Thm 3.1, whose " +
	"optimality up to constants (Θ(√N) neurons) is known there and, in parameters, in " + refVardi21 + ". For the repairs " +
	"(one-ReLU end units, U2 with one window, U3 fitted on T only), " + searchedFor + "."

// priorComparison marks a finding that compares this harness's own
// networks or runs with a cited bound: it states no result of its own.
const priorComparison = knownMarker + "the bound compared against is cited in its own finding (counting: Sontag 1997; VC: " +
	"Bartlett, Harvey, Liaw, Mehrabian 2019); this finding only checks the harness's networks or runs against it."

// cites reports whether a beyond-paper finding's text says where its
// result stands: a reference ("known: ") or what was searched.
func cites(text string) bool {
	return strings.Contains(text, knownMarker) || strings.Contains(text, searchedMarker)
}

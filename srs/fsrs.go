// Package srs schedules reviews with FSRS-6, the Free Spaced Repetition
// Scheduler (open-spaced-repetition: Ye, Su & Cao, "A Stochastic Shortest
// Path Algorithm for Optimizing Spaced Repetition Scheduling", KDD 2022, and
// the FSRS-6 formulas of the reference implementations), written here from
// the published formulas: no maintained Go module is reachable from this
// project's machines.
//
// A card's memory is its stability S (days until recall falls to 90 %) and
// difficulty D (1 to 10). After a review graded G (1 Again, 2 Hard, 3 Good,
// 4 Easy), t days after the previous one:
//
//	R(t, S)   = (1 + F·t/S)^−d, with d = w20 and F = 0.9^(−1/d) − 1
//	S₀(G)     = w[G−1]
//	D₀(G)     = w4 − e^(w5·(G−1)) + 1
//	D'        = w7·D₀(4) + (1 − w7)·(D + (10 − D)·(−w6·(G − 3))/9)
//	S'recall  = S·(1 + e^w8·(11 − D)·S^−w9·(e^(w10·(1−R)) − 1)·w15[G=2]·w16[G=4])
//	S'forget  = min(w11·D^−w12·((S+1)^w13 − 1)·e^(w14·(1−R)), S/e^(w17·w18))
//	S'short   = S·e^(w17·(G − 3 + w18))·S^−w19  (same day; ≥ S for Good, Easy)
//	interval  = S/F·(r^(−1/d) − 1), rounded, at least 1 day
//
// with r the target retention. The tests replay the reference
// implementation's vectors.
package srs

import (
	"math"
	"time"
)

// Grade is how a review went.
type Grade int

// Grades.
const (
	Again Grade = 1 // forgotten
	Hard  Grade = 2
	Good  Grade = 3
	Easy  Grade = 4
)

// DefaultParams are the weights of FSRS-6 fitted by its authors on
// millions of reviews.
func DefaultParams() Params {
	return Params{
		0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796,
		1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
	}
}

// Params are the 21 weights w0…w20 of FSRS-6.
type Params [21]float64

// Limits of the memory state.
const (
	MinStability  = 0.001
	MinDifficulty = 1.0
	MaxDifficulty = 10.0
)

// Memory is what FSRS knows of a card: zero for a card never reviewed.
type Memory struct {
	Stability  float64 // days for recall to fall to 90 %
	Difficulty float64 // 1 (easy) to 10 (hard)
}

// New reports whether the card was never reviewed.
func (m Memory) New() bool { return m.Stability == 0 }

func (p *Params) decay() float64  { return -p[20] }
func (p *Params) factor() float64 { return math.Pow(0.9, 1/p.decay()) - 1 }

// Retrievability is the probability of recall elapsed days after the last
// review (0 for a card never reviewed).
func (p *Params) Retrievability(m Memory, elapsedDays float64) float64 {
	if m.New() {
		return 0
	}
	return math.Pow(1+p.factor()*math.Max(elapsedDays, 0)/m.Stability, p.decay())
}

// Next is the memory after a review graded g, elapsedDays (whole days, as
// the reference counts them) after the previous one.
func (p *Params) Next(m Memory, g Grade, elapsedDays int) Memory {
	if m.New() {
		return Memory{Stability: math.Max(p[g-1], MinStability), Difficulty: clampD(p.initialD(g))}
	}
	var s float64
	switch {
	case elapsedDays < 1:
		s = p.shortTerm(m.Stability, g)
	case g == Again:
		r := p.Retrievability(m, float64(elapsedDays))
		s = math.Min(p[11]*math.Pow(m.Difficulty, -p[12])*(math.Pow(m.Stability+1, p[13])-1)*math.Exp((1-r)*p[14]),
			m.Stability/math.Exp(p[17]*p[18]))
	default:
		r := p.Retrievability(m, float64(elapsedDays))
		bonus := 1.0
		if g == Hard {
			bonus = p[15]
		} else if g == Easy {
			bonus = p[16]
		}
		s = m.Stability * (1 + math.Exp(p[8])*(11-m.Difficulty)*math.Pow(m.Stability, -p[9])*(math.Exp((1-r)*p[10])-1)*bonus)
	}
	return Memory{Stability: math.Max(s, MinStability), Difficulty: p.nextD(m.Difficulty, g)}
}

func (p *Params) initialD(g Grade) float64 { return p[4] - math.Exp(p[5]*float64(g-1)) + 1 }

func (p *Params) nextD(d float64, g Grade) float64 {
	delta := -p[6] * float64(g-3)
	damped := d + (10-d)*delta/9
	return clampD(p[7]*p.initialD(Easy) + (1-p[7])*damped)
}

func (p *Params) shortTerm(s float64, g Grade) float64 {
	inc := math.Exp(p[17]*(float64(g)-3+p[18])) * math.Pow(s, -p[19])
	if g >= Good {
		inc = math.Max(inc, 1)
	}
	return s * inc
}

func clampD(d float64) float64 { return math.Min(math.Max(d, MinDifficulty), MaxDifficulty) }

// Interval is the whole days until recall falls to the target retention
// (0.9: nine answers in ten right), at least 1, at most maxDays.
func (p *Params) Interval(m Memory, retention float64, maxDays int) int {
	d := p.decay()
	days := int(math.Round(m.Stability / p.factor() * (math.Pow(retention, 1/d) - 1)))
	return min(max(days, 1), maxDays)
}

// Scheduler turns memories into due dates.
type Scheduler struct {
	Params    Params
	Retention float64 // target probability of recall, 0.9 by default
	MaxDays   int     // longest interval, 36 500 by default
	// LearningSteps and RelearningSteps are the short waits of a new or
	// forgotten card before it is scheduled in days; none in the tutor,
	// whose students answer once a day or so (the reference has 1 and 10
	// minutes, then 10 minutes).
	LearningSteps, RelearningSteps []time.Duration
}

// Default is FSRS-6 with its default weights, 90 % retention and no short
// steps.
func Default() *Scheduler { return &Scheduler{Params: DefaultParams(), Retention: 0.9, MaxDays: 36500} }

// State is where a card stands.
type State int

// States.
const (
	Learning   State = iota // new, or between its first short steps
	Review                  // scheduled in days
	Relearning              // forgotten, between short steps
)

// Card is the scheduling state of one card; the zero Card is new.
type Card struct {
	Memory
	State State
	Step  int // the short step a learning or relearning card is at
	Last  time.Time
	Due   time.Time
}

// Review schedules a card after a review graded g at now.
func (s *Scheduler) Review(c Card, g Grade, now time.Time) Card {
	elapsed := 0
	if !c.New() {
		elapsed = int(math.Floor(now.Sub(c.Last).Hours() / 24)) // whole days, as the reference counts them
	}
	c.Memory = s.Params.Next(c.Memory, g, elapsed)
	var next time.Duration
	switch c.State {
	case Review:
		if g == Again && len(s.RelearningSteps) > 0 {
			c.State, c.Step, next = Relearning, 0, s.RelearningSteps[0]
		} else {
			next = s.days(c.Memory)
		}
	default:
		steps := s.LearningSteps
		if c.State == Relearning {
			steps = s.RelearningSteps
		}
		next = s.step(&c, steps, g)
	}
	c.Last, c.Due = now, now.Add(next)
	return c
}

// step moves a learning or relearning card along its short steps, or into
// review.
func (s *Scheduler) step(c *Card, steps []time.Duration, g Grade) time.Duration {
	review := func() time.Duration {
		c.State, c.Step = Review, 0
		return s.days(c.Memory)
	}
	if len(steps) == 0 || c.Step >= len(steps) && g != Again {
		return review()
	}
	switch g {
	case Again:
		c.Step = 0
		return steps[0]
	case Hard:
		switch {
		case c.Step == 0 && len(steps) == 1:
			return steps[0] * 3 / 2
		case c.Step == 0:
			return (steps[0] + steps[1]) / 2
		}
		return steps[c.Step]
	case Good:
		if c.Step+1 == len(steps) {
			return review()
		}
		c.Step++
		return steps[c.Step]
	}
	return review() // Easy
}

func (s *Scheduler) days(m Memory) time.Duration {
	return time.Duration(s.Params.Interval(m, s.retention(), s.maxDays())) * 24 * time.Hour
}

func (s *Scheduler) retention() float64 {
	if s.Retention <= 0 || s.Retention >= 1 {
		return 0.9
	}
	return s.Retention
}

func (s *Scheduler) maxDays() int {
	if s.MaxDays <= 0 {
		return 36500
	}
	return s.MaxDays
}

"""``python -m coursebuild {data,release,chapters,book,grade}``: the steps behind ``make``."""
import argparse
import sys

from . import book, chapters, datasets, leaks, release, shipped
from .paths import ROOT, BuildError


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m coursebuild", description=__doc__)
    parser.add_argument("step", choices=["data", "release", "chapters", "book", "grade"])
    parser.add_argument("assignment", nargs="?", help="with `grade`: the assignment to grade")
    parser.add_argument("--jobs", type=int, default=None, help="with `grade`: parallel processes (default: all cores)")
    parser.add_argument("--full", action="store_true",
                        help="with `grade`: run training cells in the full setting (default: COURSE_FAST=1)")
    parser.add_argument("--release-feedback", action="store_true",
                        help="with `grade`: release the feedback through nbgrader's exchange (fetch_feedback)")
    parser.add_argument("--force", action="store_true", help="regenerate releases even if unchanged")
    parser.add_argument("--record", action="store_true",
                        help="with `data`: record the new checksums (after an intended change of the data)")
    args = parser.parse_args(argv)
    try:
        if args.step == "data":
            datasets.build(record=args.record)
            print(f"datasets built in {datasets.DATA}")
        elif args.step == "release":
            release.release_all(force=args.force)
            chapters.fill_releases()
            leaks.refuse_leaks(ROOT, shipped.allowed_lines(), folders=("release",))  # last: a leak stops it
        elif args.step == "chapters":
            release.release_all(force=args.force)
            chapters.build_all()
            leaks.refuse_leaks(ROOT, shipped.allowed_lines(), folders=("release", "chapters"))
        elif args.step == "grade":
            from . import classgrade

            if not args.assignment:
                parser.error("grade needs the assignment id, e.g. python -m coursebuild grade c1w2a_numpy_basics")
            outcomes = classgrade.grade_class(args.assignment, jobs=args.jobs, fast=not args.full,
                                              release_feedback=args.release_feedback)
            report = classgrade.write_report(args.assignment, outcomes, f"reports/{args.assignment}")
            held = [o.student for o in outcomes if o.reviews]
            print(f"graded {len(outcomes)} submissions; feedback/, {report}, its grades.csv, reports/canvas-grades.csv "
                  f"and reports/moodle-grades.csv written" + ("; feedback released" if args.release_feedback else "")
                  + (f"; feedback held for {', '.join(held)}: scores to review (see the report)" if held else ""))
        else:
            book.build()
    except BuildError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

"""``python -m coursebuild {data,release,chapters,book}``: the steps behind ``make``."""
import argparse
import sys

from . import book, chapters, datasets, release
from .paths import BuildError


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m coursebuild", description=__doc__)
    parser.add_argument("step", choices=["data", "release", "chapters", "book"])
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
        elif args.step == "chapters":
            release.release_all(force=args.force)
            chapters.build_all()
        else:
            book.build()
    except BuildError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())

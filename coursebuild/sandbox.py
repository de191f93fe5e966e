"""Autograding in a sandbox: every kernel that runs student code is boxed by bubblewrap, and
every verdict is decided outside it.

nbgrader runs a submission's notebook in a kernel of its own; out of the box that kernel runs
as the instructor, can import the course's reference and grader, write into the course and read
the other students' work. Configured in ``nbgrader_config.py``, :class:`SandboxedExecute` takes
the place of nbgrader's ``Execute`` step of ``nbgrader autograde`` and runs the kernel in
Debian's ``bubblewrap`` (``bwrap``), a maintained sandbox made for this:

- no network (its own network namespace), its own process and IPC namespaces;
- the system and the Python environment read-only; the submission's folder read-only at
  ``/assignment`` (its files appear in the kernel's working folder through links); the
  working folder and ``/tmp`` are size-limited memory file systems; nothing else of the
  machine is there, so neither ``solutions/`` nor ``autograder/`` nor other students'
  submissions nor the gradebook;
- as root, the kernel runs as an unprivileged user of its own (:func:`sandbox_uid`), with
  limits on address space, processes, CPU time and file size (:class:`Limits`); the output a
  cell keeps is capped too.

nbgrader talks to the kernel through Unix sockets in a folder both sides see (jupyter_client's
``ipc`` transport: TCP on the host's loopback cannot reach another network namespace). The hidden
tests reach the course's grader (:mod:`autograder.trusted`) through one more socket there; the
grader records each exercise's verdict, and after each test cell this step makes the cell's
outcome agree with it: a test cell that finished without the grader's pass gets an error with
:data:`autograder.core.FLAG`, so it scores zero and the report flags it.

A machine without bubblewrap gets :class:`SandboxError` naming what is missing; grading never
falls back to running student code unboxed.
"""
import functools
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from jupyter_client.manager import AsyncKernelManager
from jupyter_core.utils import run_sync
from nbformat import NotebookNode
from nbgrader.preprocessors import Execute
from traitlets import Integer

from autograder.core import FLAG

from .paths import BuildError

#: Where the kernel works inside the sandbox (its HOME too).
HOME = "/home/student"
#: Where the submission's folder is seen, read-only.
ASSIGNMENT = "/assignment"


class SandboxError(BuildError):
    """The sandbox cannot run on this machine; the message says what is missing and how to get it."""


@dataclass(frozen=True)
class Limits:
    """What one submission's kernel may use (configurable as ``c.SandboxedExecute.<name>``).

    Attributes
    ----------
    memory : int
        Bytes of address space (RLIMIT_AS) of each process. TensorFlow reserves address space it
        never touches: the ResNet-50 assignment peaks near 3.5 GB of address space for 1.8 GB
        resident, so the default, 8 GiB, leaves room for every assignment and stops a
        runaway allocation long before it can exhaust a 24 GB machine.
    processes : int
        Processes and threads of the sandbox's user (RLIMIT_NPROC): TensorFlow starts a few
        dozen threads; a fork bomb stops at this.
    cpu_seconds : int
        CPU time of each process (RLIMIT_CPU); the per-cell time limits stop a runaway cell long
        before this.
    file_size : int
        Bytes of any one file written (RLIMIT_FSIZE).
    scratch : int
        Bytes of the writable working folder and of ``/tmp`` (each a size-limited tmpfs).
    output : int
        Bytes of output (text, images) a cell keeps; the rest is dropped with a note.
    """

    memory: int = 8 * 2**30
    processes: int = 512
    cpu_seconds: int = 3600
    file_size: int = 256 * 2**20
    scratch: int = 512 * 2**20
    output: int = 4 * 2**20


def sandbox_uid():
    """int: an unprivileged user id for this grading process's sandboxes (60000-64999).

    Two graders running side by side get different ids, so each one's process limit counts
    its own processes only.
    """
    return 60000 + os.getpid() % 5000


def require_tools():
    """Raise :class:`SandboxError` unless bubblewrap (and, as root, setpriv and prlimit) are here."""
    missing = [tool for tool in ("bwrap", "prlimit", "setpriv") if shutil.which(tool) is None]
    if missing:
        raise SandboxError(
            f"Grading runs every submission in a sandbox, and {', '.join(missing)} is not installed. "
            f"Install Debian's bubblewrap (and util-linux): `make sandbox`, or `apt-get install bubblewrap`. "
            f"Student code is never run outside the sandbox.")


@functools.lru_cache(maxsize=1)
def preflight():
    """Run an empty command in the sandbox once per process; raise :class:`SandboxError` with
    bubblewrap's own words if it cannot (a container without namespaces, a missing tool)."""
    require_tools()
    with tempfile.TemporaryDirectory() as folder:
        box = Sandbox(folder, Limits())
        try:
            result = subprocess.run(box.command(["/bin/true"]), capture_output=True, text=True, timeout=60)
        finally:
            box.close()
    if result.returncode != 0:
        raise SandboxError(f"bubblewrap cannot run the grading sandbox on this machine: {result.stderr.strip()} "
                           f"(it needs user or mount namespaces; run grading as root, or where unprivileged user "
                           f"namespaces are enabled). Student code is never run outside the sandbox.")


def _mount_dirs(path):
    """bwrap arguments that create ``path``'s ancestors, world-readable, inside the sandbox."""
    args = []
    for parent in reversed(Path(path).parents):
        if str(parent) != "/":
            args += ["--perms", "0755", "--dir", str(parent)]
    return args


def _system_mounts():
    """Read-only mounts of the system (and the symlinks of a merged /usr)."""
    args = ["--ro-bind", "/usr", "/usr", "--ro-bind", "/etc", "/etc"]
    for top in ("/bin", "/sbin", "/lib", "/lib32", "/lib64", "/libx32"):
        if os.path.islink(top):
            args += ["--symlink", os.readlink(top), top]
        elif os.path.isdir(top):
            args += ["--ro-bind", top, top]
    return args


def _python_mounts():
    """Read-only mounts of this Python: its installation and its virtual environment."""
    args = []
    for folder in dict.fromkeys([os.path.realpath(sys.base_prefix), os.path.realpath(sys.prefix), sys.prefix]):
        if folder.startswith("/usr/") or folder == "/usr":
            continue
        args += _mount_dirs(folder) + ["--ro-bind", folder, folder]
    return args


def _instructor_code_visible(mounted):
    """The instructors' packages that an installation (not an editable link) put under ``mounted``."""
    import importlib.util

    from autograder.core import INSTRUCTOR_PACKAGES

    found = []
    for package in INSTRUCTOR_PACKAGES:
        spec = importlib.util.find_spec(package)
        for location in (spec.submodule_search_locations or []) if spec else []:
            real = os.path.realpath(location)
            if any(real == m or real.startswith(m.rstrip("/") + "/") for m in mounted):
                found.append(real)
    return found


def command(argv, *, assignment_folder, run_folder, grader_socket, limits, env=None):
    """The command line that runs ``argv`` (a kernel) in the sandbox.

    Parameters
    ----------
    argv : list of str
        The kernel's command.
    assignment_folder : Path
        The submission's folder, mounted read-only at ``/assignment``.
    run_folder : Path
        A folder for the kernel's sockets and connection file, mounted at the same path.
    grader_socket : Path
        The course grader's socket (inside ``run_folder``).
    limits : Limits
    env : dict, optional
        Extra environment variables for the kernel.
    """
    require_tools()
    mounted = [os.path.realpath(p) for p in (sys.base_prefix, sys.prefix)]
    visible = _instructor_code_visible(mounted)
    if visible:
        raise SandboxError(f"The course's own packages are installed inside the Python environment ({visible[0]}), "
                           f"which the sandbox must show to the kernel: install the course editable "
                           f"(`pip install -e .`, as `make` does) so that solutions/ and autograder/ stay outside.")
    args = ["bwrap", "--die-with-parent", "--new-session", "--unshare-ipc", "--unshare-pid", "--unshare-net",
            "--unshare-uts", "--unshare-cgroup-try"]
    root = os.geteuid() == 0
    if not root:
        args += ["--unshare-user"]
    args += _system_mounts() + ["--proc", "/proc", "--dev", "/dev"]
    args += ["--perms", "1777", "--size", str(limits.scratch), "--tmpfs", "/dev/shm"]  # joblib, multiprocessing
    args += ["--perms", "1777", "--size", str(limits.scratch), "--tmpfs", "/tmp"]
    args += ["--perms", "1777", "--size", str(limits.scratch), "--tmpfs", HOME]
    args += _python_mounts()
    args += ["--ro-bind", str(assignment_folder), ASSIGNMENT]
    for entry in sorted(os.listdir(assignment_folder)):
        args += ["--symlink", f"{ASSIGNMENT}/{entry}", f"{HOME}/{entry}"]
    args += _mount_dirs(run_folder) + ["--bind", str(run_folder), str(run_folder)]
    args += ["--chdir", HOME, "--clearenv"]
    environment = {"PATH": f"{Path(sys.executable).parent}:/usr/bin:/bin", "HOME": HOME, "TMPDIR": "/tmp",
                   "LANG": "C.UTF-8", "PYTHONNOUSERSITE": "1", "MPLBACKEND": "Agg", "TF_CPP_MIN_LOG_LEVEL": "2",
                   "COURSE_GRADER": str(grader_socket), **(env or {})}
    for name, value in environment.items():
        args += ["--setenv", name, value]
    processes = limits.processes if root else limits.processes + _own_processes()
    args += ["--", "prlimit", f"--as={limits.memory}", f"--nproc={processes}", f"--cpu={limits.cpu_seconds}",
             f"--fsize={limits.file_size}", "--core=0", "--"]
    if root:  # an unprivileged user of its own: root is exempt from the process limit
        uid = sandbox_uid()
        args += ["setpriv", f"--reuid={uid}", f"--regid={uid}", "--clear-groups", "--inh-caps=-all", "--"]
    return args + list(argv)


def _own_processes():
    """int: this user's processes and threads now (an unprivileged sandbox's limit counts them too)."""
    try:
        return int(subprocess.run(["ps", "-L", "-u", str(os.getuid()), "--no-headers"], capture_output=True,
                                  text=True).stdout.count("\n"))
    except OSError:
        return 1000


def kernel_manager_class(sandbox):
    """A jupyter_client kernel manager that starts its kernel in ``sandbox`` (a :class:`Sandbox`)."""

    class SandboxKernelManager(AsyncKernelManager):
        def __init__(self, **kwargs):
            super().__init__(**kwargs)
            self.transport = "ipc"
            self.ip = str(sandbox.run / "kernel")
            self.connection_file = str(sandbox.run / "kernel.json")

        def write_connection_file(self, **kwargs):
            super().write_connection_file(**kwargs)
            os.chmod(self.connection_file, 0o644)  # jupyter_client writes it for its own user only

        def format_kernel_cmd(self, extra_arguments=None):
            # ipykernel answers an interrupt message by signalling its own process group; a
            # signal from here would reach bwrap, which does not pass it on.
            self.kernel_spec.interrupt_mode = "message"
            return sandbox.command(super().format_kernel_cmd(extra_arguments))

        async def _async_launch_kernel(self, kernel_cmd, **kw):
            kw.pop("cwd", None)
            kw["env"] = {"PATH": os.environ.get("PATH", "/usr/bin:/bin")}
            kw["stdout"] = kw["stderr"] = sandbox.log
            return await super()._async_launch_kernel(kernel_cmd, **kw)

    return SandboxKernelManager


class Sandbox:
    """The folders of one submission's sandboxed kernel; removed on exit."""

    def __init__(self, assignment_folder, limits, env=None):
        self.assignment_folder = Path(assignment_folder).resolve()
        self.limits = limits
        self.env = env or {}
        self.folder = Path(tempfile.mkdtemp(prefix="course-sandbox-"))
        self.run = self.folder / "run"
        self.run.mkdir()
        os.chmod(self.folder, 0o755)
        self.grader_socket = self.run / "grader.sock"
        self.log = open(self.folder / "kernel.log", "wb")  # the kernel's own stdout/stderr, capped by file_size
        if os.geteuid() == 0:
            os.chown(self.run, sandbox_uid(), sandbox_uid())  # the kernel creates its sockets here

    def command(self, argv):
        return command(argv, assignment_folder=self.assignment_folder, run_folder=self.run,
                       grader_socket=self.grader_socket, limits=self.limits, env=self.env)

    def lock(self):
        """Once the kernel's sockets exist, nothing more may be created in the shared folder."""
        if os.geteuid() == 0:
            os.chown(self.run, 0, 0)
        os.chmod(self.run, 0o755)

    def close(self):
        self.log.close()
        shutil.rmtree(self.folder, ignore_errors=True)


#: What a test cell's hidden tests hand to the grader: grade("<assignment>", "<exercise>", ...).
HIDDEN_CALL = re.compile(r"""\bgrade\(\s*["'](\w+)["']\s*,\s*["'](\w+)["']""")


def graded_exercises(cell):
    """list of str: the exercises a test cell's hidden tests grade (from its source, which
    nbgrader restored from the gradebook, so the student cannot change it)."""
    return [name for _, name in HIDDEN_CALL.findall(cell.source)]


def _is_test_cell(cell):
    meta = cell.get("metadata", {}).get("nbgrader", {})
    return cell.cell_type == "code" and meta.get("grade") and not meta.get("solution")


def _error(ename, text):
    return NotebookNode(output_type="error", ename=ename, evalue=text, traceback=[f"{ename}: {text}"])


class SandboxedExecute(Execute):
    """nbgrader's Execute step, with the kernel in a bubblewrap sandbox and the verdicts decided
    by the course's grader outside it (see the module's documentation)."""

    memory_limit = Integer(Limits.memory, help="Bytes of address space per process of the sandboxed kernel").tag(config=True)
    process_limit = Integer(Limits.processes, help="Processes and threads of the sandboxed kernel").tag(config=True)
    cpu_limit = Integer(Limits.cpu_seconds, help="CPU seconds per process of the sandboxed kernel").tag(config=True)
    file_size_limit = Integer(Limits.file_size, help="Bytes of any file the kernel writes").tag(config=True)
    scratch_limit = Integer(Limits.scratch, help="Bytes of the kernel's writable folders").tag(config=True)
    output_limit = Integer(Limits.output, help="Bytes of output a cell keeps").tag(config=True)
    # nbclient waits 4 s for a finished cell's last output, and nbgrader makes a longer wait a fatal
    # error of the whole submission: on a loaded grading machine (several kernels per core) that
    # happens. A cell's own time limit (coursebuild.grading.cell_timeout) still stops a slow cell.
    iopub_timeout = Integer(60, help="Seconds to wait for a finished cell's output").tag(config=True)

    def limits(self):
        return Limits(memory=self.memory_limit, processes=self.process_limit, cpu_seconds=self.cpu_limit,
                      file_size=self.file_size_limit, scratch=self.scratch_limit, output=self.output_limit)

    def preprocess(self, nb, resources, km=None):
        from autograder.trusted import Server

        preflight()
        assignment_id = resources["nbgrader"]["assignment"]
        folder = resources.get("metadata", {}).get("path") or "."
        env = {name: os.environ[name] for name in ("COURSE_FAST",) if name in os.environ}
        sandbox = Sandbox(folder, self.limits(), env)
        # The grader's own cases read the assignment's datasets (YOLO's scenes) from the instructors'
        # copy, not from the submission's folder.
        datasets = Path(self.coursedir_source(assignment_id)) / "datasets"
        saved = os.environ.get("COURSE_DATA_DIR")
        if saved is None and datasets.is_dir():
            os.environ["COURSE_DATA_DIR"] = str(datasets.resolve())
        try:
            with Server(assignment_id, sandbox.grader_socket) as server:
                self._sandbox, self._server, self._dead, self._output_bytes = sandbox, server, None, 0
                self.kernel_manager_class = kernel_manager_class(sandbox)
                return super().preprocess(nb, resources, km)
        finally:
            sandbox.close()
            if saved is None:
                os.environ.pop("COURSE_DATA_DIR", None)

    def coursedir_source(self, assignment_id):
        """The assignment's source folder (nbgrader runs in the course's root)."""
        source = self.config.get("CourseDirectory", {}).get("source_directory", "source")
        return Path(source) / assignment_id

    def preprocess_cell(self, cell, resources, index):
        if self._sandbox is not None and not self._server.started:
            self._sandbox.lock()
            self._server.started = True
        test = _is_test_cell(cell)
        if cell.cell_type != "code":
            return cell, resources
        if self._dead:
            cell.outputs = [_error("KernelDied", self._dead)] if test else []
            return cell, resources
        self._output_bytes = 0
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id") if test else None
        self._server.begin_cell(grade_id, graded_exercises(cell) if test else [])
        try:
            cell, resources = super().preprocess_cell(cell, resources, index)
        except Exception as error:  # noqa: BLE001 - the kernel died (killed itself, or hit a limit) or hangs
            self._dead = (f"The kernel stopped answering ({type(error).__name__}) while running cell {index}: the "
                          f"code killed its kernel, hung it, or exceeded the sandbox's memory, process or CPU "
                          f"limits. No later cell ran.")
            cell.outputs = [_error("KernelDied", self._dead)] + list(cell.get("outputs", []))
            self._stop_kernel()
        finally:
            outcome = self._server.end_cell()
        self._flag_refused(cell, outcome)
        if test:
            # nbgrader reads a result (execute_result) in a test cell as partial credit, before any
            # error after it; this course gives none, and student code can emit one at will
            # (sys.displayhook), so a test cell keeps no result.
            cell.outputs = [o for o in cell.outputs if o.get("output_type") != "execute_result"]
            self._apply_verdict(cell, outcome)
        if self._timed_out(cell) and not self._dead and not self._responsive():
            self._dead = ("A cell ran past its time limit and the kernel did not answer the interrupt (does the "
                          "code catch KeyboardInterrupt or ignore SIGINT?); the kernel was stopped and no later "
                          "cell ran.")
            self._stop_kernel()
        return cell, resources

    def _apply_verdict(self, cell, outcome):
        """Make a test cell's outcome the grader's: no error without the grader's pass."""
        if any(o.get("output_type") == "error" for o in cell.outputs):
            return  # it fails either way
        missing = [name for name in outcome.expected if outcome.verdicts.get(name) is not True]
        if not outcome.expected:
            return  # a test cell without hidden tests (none in this course: tests/test_source_notebooks.py)
        if missing:
            reason = (f"{FLAG} The test cell finished, but the course's grader recorded no pass for "
                      f"{', '.join(missing)}: the hidden test did not reach it or was answered by other code "
                      f"(was the grading function, the client or the kernel changed?). No credit.")
            # First, as nbgrader scores a cell by its first error or result (results are already
            # dropped from test cells in preprocess_cell; this keeps the order safe on its own).
            cell.outputs.insert(0, _error("IntegrityError", reason))

    def _flag_refused(self, cell, outcome):
        for reason in outcome.refused:
            cell.outputs.append(_error("IntegrityError", f"{FLAG} {reason}"))

    def output(self, outs, msg, display_id, cell_index):
        """Keep at most ``output_limit`` bytes of a cell's output; say once that the rest was dropped."""
        content = msg.get("content", {})
        size = len(content.get("text", "")) + sum(len(str(v)) for v in content.get("data", {}).values()) \
            + sum(len(line) for line in content.get("traceback", []))
        self._output_bytes += size
        if self._output_bytes > self.output_limit:
            if self._output_bytes - size <= self.output_limit:
                note = NotebookNode(output_type="stream", name="stdout",
                                    text=f"\n[output truncated: a cell keeps at most {self.output_limit // 2**20} MB "
                                         f"of output while grading]\n")
                outs.append(note)
            return None
        return super().output(outs, msg, display_id, cell_index)

    @staticmethod
    def _timed_out(cell):
        return any(o.get("output_type") == "error" and o.get("ename") == "CellTimeoutError" for o in cell.outputs)

    def _responsive(self, seconds=5):
        """True if the kernel answers a request within ``seconds`` (after an interrupt, a cell that
        ignores it keeps the kernel busy for ever)."""
        async def probe():
            msg_id = self.kc.kernel_info()
            deadline = time.monotonic() + seconds
            while time.monotonic() < deadline:
                msg = await self.kc.shell_channel.get_msg(timeout=max(0.1, deadline - time.monotonic()))
                if msg.get("parent_header", {}).get("msg_id") == msg_id:
                    return True
            return False
        try:
            return run_sync(probe)()
        except Exception:  # noqa: BLE001 - a timeout or a dead kernel: not responsive
            return False

    def _stop_kernel(self):
        """Kill the sandbox (bwrap takes every process in it along)."""
        process = getattr(getattr(self.km, "provisioner", None), "process", None)
        if process is not None and process.poll() is None:
            process.kill()

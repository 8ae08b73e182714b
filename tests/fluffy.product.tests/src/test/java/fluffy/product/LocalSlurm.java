package fluffy.product;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Assumptions;

/**
 * A real single-node SLURM cluster on localhost (munged, slurmctld, slurmd) in a fresh state folder, as
 * {@code ../shared/docs/slurm.md} describes: started by the tests, stopped by the PIDs it started. Tests
 * using it are skipped, saying why, where SLURM is not installed or the user is not root (`.ci/run`
 * installs {@code slurm-wlm} and {@code munge}).
 */
final class LocalSlurm implements AutoCloseable {

    private final Path dir; // deleted on close
    private final List<Process> daemons = new ArrayList<>();

    private LocalSlurm(Path dir) {
        this.dir = dir;
    }

    /** The environment commands need to reach this cluster. */
    Map<String, String> environment() {
        return Map.of("SLURM_CONF", dir.resolve("slurm.conf").toString());
    }

    /** Starts a cluster in a new folder of the system's temporary folder, deleted by {@link #close}. */
    static LocalSlurm start() throws Exception {
        for (String tool : List.of("/usr/sbin/slurmctld", "/usr/sbin/slurmd", "/usr/sbin/munged", "/usr/bin/sbatch")) {
            Assumptions.assumeTrue(Files.isExecutable(Path.of(tool)), tool + " not installed (apt-get install "
                    + "slurm-wlm munge); skipping the SLURM tests");
        }
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")),
                "a localhost SLURM needs root here; skipping the SLURM tests");
        // JUnit's temporary folders are private to root; munged's socket must be reachable by the munge user.
        Path dir = Files.createTempDirectory("fluffy-slurm", java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                java.nio.file.attribute.PosixFilePermissions.fromString("rwxr-xr-x")));
        LocalSlurm slurm = new LocalSlurm(dir);
        for (String sub : List.of("state", "spool", "log")) {
            Files.createDirectories(dir.resolve(sub));
        }
        Files.writeString(dir.resolve("slurm.conf"), slurm.configuration());
        Path munge = dir.resolve("munge");
        Files.createDirectories(munge);
        run("chown", "munge:munge", munge.toString());
        // Its own socket, so a munged already running on the machine is neither used nor disturbed.
        slurm.daemon(List.of("runuser", "-u", "munge", "--", "/usr/sbin/munged", "--foreground", "--socket="
                + munge.resolve("munge.socket"), "--pid-file=" + munge.resolve("munged.pid"), "--seed-file="
                + munge.resolve("seed"), "--log-file=" + munge.resolve("munged.log")));
        long ready = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!Files.exists(munge.resolve("munge.socket")) && System.nanoTime() < ready) {
            Thread.sleep(100);
        }
        slurm.daemon(List.of("/usr/sbin/slurmctld", "-D", "-c", "-f", dir.resolve("slurm.conf").toString()));
        slurm.daemon(List.of("/usr/sbin/slurmd", "-D", "-N", "localhost", "-f", dir.resolve("slurm.conf").toString()));
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            ProcessBuilder sinfo = new ProcessBuilder("sinfo", "-h", "-o", "%T").redirectErrorStream(true);
            sinfo.environment().putAll(slurm.environment());
            Process p = sinfo.start();
            String state = new String(p.getInputStream().readAllBytes()).strip();
            p.waitFor();
            if (state.equals("idle")) {
                return slurm;
            }
            Thread.sleep(300);
        }
        String logs = "";
        for (String log : List.of("slurmctld.out", "slurmd.out", "slurmctld.log", "slurmd.log")) {
            Path file = dir.resolve("log").resolve(log);
            logs += Files.exists(file) ? "\n--- " + log + "\n" + Files.readString(file) : "";
        }
        slurm.close();
        throw new AssertionError("the localhost SLURM did not become idle in 30 s" + logs);
    }

    private String configuration() {
        return String.join("\n", "ClusterName=fluffytest", "SlurmctldHost=localhost", "SlurmUser=root",
                "AuthType=auth/munge", "CredType=cred/munge",
                "AuthInfo=socket=" + dir.resolve("munge/munge.socket"),
                "StateSaveLocation=" + dir.resolve("state"), "SlurmdSpoolDir=" + dir.resolve("spool"),
                "SlurmctldPidFile=" + dir.resolve("slurmctld.pid"), "SlurmdPidFile=" + dir.resolve("slurmd.pid"),
                "SlurmctldLogFile=" + dir.resolve("log/slurmctld.log"), "SlurmdLogFile=" + dir.resolve("log/slurmd.log"),
                "ProctrackType=proctrack/linuxproc", "TaskPlugin=task/none", "JobAcctGatherType=jobacct_gather/none",
                "AccountingStorageType=accounting_storage/none", "JobCompType=jobcomp/filetxt",
                "JobCompLoc=" + dir.resolve("log/jobcomp.txt"), "MpiDefault=none", "MailProg=/bin/true",
                "SelectType=select/cons_tres", "SelectTypeParameters=CR_Core", "SlurmdParameters=config_overrides",
                "ReturnToService=2", "KillWait=5",
                "NodeName=localhost NodeAddr=127.0.0.1 CPUs=4 RealMemory=4000 State=UNKNOWN",
                "PartitionName=debug Nodes=localhost Default=YES MaxTime=30 State=UP", "");
    }

    private void daemon(List<String> command) throws IOException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("log").resolve(Path.of(command.get(command.get(0).equals("runuser") ? 4 : 0))
                        .getFileName() + ".out").toFile());
        builder.environment().putAll(environment());
        daemons.add(builder.start());
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        p.waitFor();
    }

    @Override
    public void close() throws Exception {
        // Stopped by the processes this fixture started, never by name (the daemons run in the foreground).
        for (int i = daemons.size() - 1; i >= 0; i--) {
            Process p = daemons.get(i);
            p.toHandle().descendants().forEach(ProcessHandle::destroy);
            p.destroy();
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
        }
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}

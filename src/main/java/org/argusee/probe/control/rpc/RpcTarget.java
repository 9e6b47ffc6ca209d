package org.argusee.probe.control.rpc;

import java.util.Map;
import java.util.regex.Pattern;
import org.argusee.tree.control.ServiceType;

/**
 * What a {@code TCP/RPC} or {@code UDP/RPC} service asks for: the program (a number or a name from the
 * original's table), its version (0 when none is named: any version answers), and the portmapper's port and
 * version. The type's parts ({@code UDP/RPC/mountd/3}) come first; {@code prognum} and {@code version} set them
 * as in the original, where the parameters override the type.
 */
record RpcTarget(int program, int version, boolean versionNamed, int portmapPort, int portmapVersion) {

    private static final Pattern NUMBER = Pattern.compile("\\d{1,10}");

    /** The original's table of program names (Argus::RPC). */
    private static final Map<String, Integer> NAMES = Map.ofEntries(
            Map.entry("portmapper", 100000),
            Map.entry("rstatd", 100001),
            Map.entry("rusersd", 100002),
            Map.entry("nfs", 100003),
            Map.entry("ypserv", 100004),
            Map.entry("mountd", 100005),
            Map.entry("remote_dbx", 100006),
            Map.entry("ypbind", 100007),
            Map.entry("walld", 100008),
            Map.entry("yppasswdd", 100009),
            Map.entry("etherstatd", 100010),
            Map.entry("rquotad", 100011),
            Map.entry("sprayd", 100012),
            Map.entry("3270_mapper", 100013),
            Map.entry("rje_mapper", 100014),
            Map.entry("selection_svc", 100015),
            Map.entry("database_svc", 100016),
            Map.entry("rexd", 100017),
            Map.entry("alis", 100018),
            Map.entry("sched", 100019),
            Map.entry("llockmgr", 100020),
            Map.entry("nlockmgr", 100021),
            Map.entry("x25", 100022),
            Map.entry("statmon", 100023),
            Map.entry("status", 100024),
            Map.entry("select_lib", 100025),
            Map.entry("bootparam", 100026),
            Map.entry("mazewars", 100027),
            Map.entry("ypupdated", 100028),
            Map.entry("keyserv", 100029),
            Map.entry("securelogin", 100030),
            Map.entry("nfs_fwdlnit", 100031),
            Map.entry("nfs_fwdtrns", 100032),
            Map.entry("sunlink_mapper", 100033),
            Map.entry("net_monitor", 100034),
            Map.entry("database", 100035),
            Map.entry("passwd_auth", 100036),
            Map.entry("tfsd", 100037),
            Map.entry("nsed", 100038),
            Map.entry("nsemntd", 100039),
            Map.entry("pfs_mountd", 100040),
            Map.entry("pcnfsd", 150001),
            Map.entry("amd", 300019));

    /** @throws IllegalArgumentException naming the parameter or type part that is wrong */
    static RpcTarget of(ServiceType type, Map<String, String> params) {
        String prog = params.getOrDefault(
                "prognum", type.rest().isEmpty() ? null : type.rest().get(0));
        String vers = params.getOrDefault(
                "version", type.rest().size() > 1 ? type.rest().get(1) : null);
        if (prog == null || prog.isBlank()) {
            throw new IllegalArgumentException(type.text() + " needs an RPC program: write it in the type ("
                    + type.family() + "/mountd) or set 'prognum'");
        }
        return new RpcTarget(
                program(prog.strip()),
                vers == null ? 0 : number("RPC version", vers),
                vers != null,
                params.containsKey("portmap_port") ? port(params.get("portmap_port")) : 111,
                portmapVersion(params.getOrDefault("portmap_version", "2")));
    }

    private static int program(String text) {
        if (NUMBER.matcher(text).matches()) {
            return number("RPC program", text);
        }
        Integer known = NAMES.get(text);
        if (known == null) {
            throw new IllegalArgumentException(
                    "invalid RPC program '" + text
                            + "': use its number (100005) or a name of the original's table (nfs, mountd, ypbind, nlockmgr...)");
        }
        return known;
    }

    private static int number(String what, String text) {
        String t = text.strip();
        long n = NUMBER.matcher(t).matches() ? Long.parseLong(t) : -1;
        if (n < 0 || n > 0xFFFFFFFFL) {
            throw new IllegalArgumentException("bad " + what + " '" + text + "': use a number from 0 to 4294967295");
        }
        return (int) n;
    }

    private static int port(String text) {
        String t = text.strip();
        int n = NUMBER.matcher(t).matches() && t.length() < 6 ? Integer.parseInt(t) : 0;
        if (n < 1 || n > 65535) {
            throw new IllegalArgumentException("bad portmap_port '" + text + "': use a number from 1 to 65535");
        }
        return n;
    }

    /** Version 2 is the portmapper (PMAPPROC_GETPORT); 3 and 4 are rpcbind (RPCBPROC_GETADDR). */
    private static int portmapVersion(String text) {
        String t = text.strip();
        if (!t.equals("2") && !t.equals("3") && !t.equals("4")) {
            throw new IllegalArgumentException("bad portmap_version '" + text + "': use 2, 3 or 4");
        }
        return Integer.parseInt(t);
    }
}

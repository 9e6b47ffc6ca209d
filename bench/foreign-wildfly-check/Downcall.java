package check;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodType;
import jdk.incubator.foreign.CLinker;
import jdk.incubator.foreign.FunctionDescriptor;

/** Apart from FfiServlet, so that the servlet loads and reports when the linker's classes are not visible. */
final class Downcall {
    static String getpid() throws Throwable {
        MethodHandle getpid = CLinker.getInstance().downcallHandle(
                CLinker.systemLookup().lookup("getpid").orElseThrow(), MethodType.methodType(int.class),
                FunctionDescriptor.of(CLinker.C_INT));
        int pid = (int) getpid.invokeExact();
        return "getpid() through the foreign linker: " + pid + ", ProcessHandle: " + ProcessHandle.current().pid();
    }
}

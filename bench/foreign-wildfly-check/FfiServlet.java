package check;

import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Issue 17 (bench/foreign-wildfly-check.sh): can a deployment see Java 17's jdk.incubator.foreign and make a downcall
 * from WildFly? It says what its class loader sees and calls getpid() through the foreign linker. Not product code.
 */
@WebServlet("/ffi")
public class FfiServlet extends HttpServlet {
    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        StringBuilder out = new StringBuilder();
        out.append("loader ").append(getClass().getClassLoader()).append(", module ").append(getClass().getModule()).append('\n');
        try {
            Class.forName("jdk.incubator.foreign.CLinker", false, getClass().getClassLoader());
            out.append("CLinker visible\n");
        } catch (Throwable e) {
            out.append("CLinker not visible: ").append(e).append('\n');
            response.getWriter().print(out);
            return;
        }
        try {
            out.append(Downcall.getpid()).append('\n');
        } catch (Throwable e) {
            out.append("downcall failed: ").append(e).append('\n');
        }
        response.getWriter().print(out);
    }
}

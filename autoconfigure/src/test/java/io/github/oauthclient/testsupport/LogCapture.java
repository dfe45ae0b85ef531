package io.github.oauthclient.testsupport;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

/**
 * Turns the most verbose logging on for some logger names and records every event, message and stack trace.
 *
 * <p>Exists for the tests that prove secrets and tokens never reach a log: Spring's {@code DefaultRestClient} writes
 * request bodies at DEBUG, so such a test must switch DEBUG/TRACE on for {@code org.springframework} (and for our
 * own packages), run a real exchange, and search everything that was logged. Closing restores the previous levels.
 */
public final class LogCapture implements AutoCloseable {

	private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

	private final Map<Logger, Level> previousLevels = new LinkedHashMap<>();

	private final Logger root;

	private LogCapture(String... loggerNames) {
		LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
		this.root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
		for (String name : loggerNames) {
			Logger logger = context.getLogger(name);
			previousLevels.put(logger, logger.getLevel());
			logger.setLevel(Level.TRACE);
		}
		appender.setContext(context);
		appender.start();
		root.addAppender(appender);
	}

	/** Starts capturing at TRACE for the given loggers (and their children). */
	public static LogCapture atTrace(String... loggerNames) {
		return new LogCapture(loggerNames);
	}

	/** Every captured event as text: logger name, level, message and any stack trace with its messages. */
	public String text() {
		StringBuilder text = new StringBuilder();
		for (ILoggingEvent event : events()) {
			text.append(event.getLoggerName()).append(' ').append(event.getLevel()).append(' ')
					.append(event.getFormattedMessage()).append('\n');
			if (event.getThrowableProxy() != null) {
				text.append(ThrowableProxyUtil.asString(event.getThrowableProxy())).append('\n');
			}
		}
		return text.toString();
	}

	/** The captured events. */
	public List<ILoggingEvent> events() {
		synchronized (appender) {
			return new ArrayList<>(appender.list);
		}
	}

	@Override
	public void close() {
		root.detachAppender(appender);
		appender.stop();
		previousLevels.forEach(Logger::setLevel);
	}
}

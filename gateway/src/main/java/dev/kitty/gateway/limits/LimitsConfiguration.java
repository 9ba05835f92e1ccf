package dev.kitty.gateway.limits;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import reactor.netty.NettyPipeline;

/** The gateway's connection limits on Reactor Netty (the body limit is the {@link RequestBodyLimit} filter). */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LimitsProperties.class)
class LimitsConfiguration {

    @Bean
    NettyServerCustomizer slowClientLimits(LimitsProperties limits) {
        return server -> server
                .readTimeout(limits.readTimeout())
                .requestTimeout(limits.requestTimeout())
                .doOnChannelInit((observer, channel, remoteAddress) -> {
                    var pipeline = channel.pipeline();
                    if (pipeline.get(NettyPipeline.HttpCodec) != null && pipeline.get(RequestHeadTimeout.NAME) == null) {
                        var timeout = new RequestHeadTimeout(limits.requestHeadTimeout());
                        pipeline.addBefore(NettyPipeline.HttpCodec, RequestHeadTimeout.WATCHER_NAME, timeout.bytesWatcher());
                        pipeline.addAfter(NettyPipeline.HttpCodec, RequestHeadTimeout.NAME, timeout);
                    }
                });
    }
}

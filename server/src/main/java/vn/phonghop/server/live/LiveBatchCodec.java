package vn.phonghop.server.live;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.eventbus.MessageCodec;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.EnumMap;

/**
 * Carries a batch of live messages on the event bus. Locally the batch is passed as it is (it is
 * immutable, so no copy); across nodes it travels as JSON.
 */
public final class LiveBatchCodec implements MessageCodec<LiveBatch, LiveBatch> {

    @Override
    public void encodeToWire(Buffer buffer, LiveBatch batch) {
        var arr = new JsonArray();
        for (var m : batch.messages()) {
            var texts = new JsonObject();
            m.texts().forEach((a, t) -> texts.put(a.name(), t));
            arr.add(new JsonObject().put("meetingId", m.meetingId()).put("seq", m.seq()).put("texts", texts));
        }
        Buffer body = arr.toBuffer();
        buffer.appendInt(body.length()).appendBuffer(body);
    }

    @Override
    public LiveBatch decodeFromWire(int pos, Buffer buffer) {
        int len = buffer.getInt(pos);
        var arr = new JsonArray(buffer.getBuffer(pos + 4, pos + 4 + len));
        var out = new ArrayList<LiveMessage>();
        for (int i = 0; i < arr.size(); i++) {
            var o = arr.getJsonObject(i);
            var texts = new EnumMap<Audience, String>(Audience.class);
            o.getJsonObject("texts").forEach(e -> texts.put(Audience.valueOf(e.getKey()), (String) e.getValue()));
            out.add(new LiveMessage(o.getString("meetingId"), o.getLong("seq"), texts));
        }
        return new LiveBatch(out);
    }

    @Override
    public LiveBatch transform(LiveBatch batch) {
        return batch;
    }

    @Override
    public String name() {
        return "live-batch";
    }

    @Override
    public byte systemCodecID() {
        return -1;
    }
}

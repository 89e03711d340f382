package com.shop.support.db;

import com.shop.api.Coded;
import java.sql.CallableStatement;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import org.apache.ibatis.type.BaseTypeHandler;
import org.apache.ibatis.type.JdbcType;

/**
 * The database boundary of every state enum: MyBatis writes and reads a {@link Coded} enum as its number
 * (record fields, wrapper conditions and mapper parameters alike). It is every service's default enum
 * handler ({@code SupportAutoConfiguration}), so an enum without codes fails at once instead of being
 * stored by name into a number column; a code no constant has is refused when read.
 */
public class CodeTypeHandler<E extends Enum<E> & Coded> extends BaseTypeHandler<E> {

    private final Class<E> type;

    public CodeTypeHandler(Class<E> type) {
        if (!Coded.class.isAssignableFrom(type)) {
            throw new IllegalArgumentException(type.getName() + " is stored as a code but does not implement Coded");
        }
        this.type = type;
    }

    @Override
    public void setNonNullParameter(PreparedStatement statement, int index, E state, JdbcType jdbcType)
            throws SQLException {
        statement.setInt(index, state.code());
    }

    @Override
    public E getNullableResult(ResultSet rows, String column) throws SQLException {
        return state(rows.getInt(column), rows.wasNull());
    }

    @Override
    public E getNullableResult(ResultSet rows, int column) throws SQLException {
        return state(rows.getInt(column), rows.wasNull());
    }

    @Override
    public E getNullableResult(CallableStatement call, int column) throws SQLException {
        return state(call.getInt(column), call.wasNull());
    }

    private E state(int code, boolean isNull) {
        return isNull ? null : Coded.ofCode(type, code);
    }
}
